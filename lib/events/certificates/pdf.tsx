// The certificate PDF: landscape A4 from the event's
// certificate template, with the verification code and its public URL.
// No "server-only" marker: the standalone worker (tsx lib/jobs/worker-main.ts) imports this.
import { Document, Image, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import { translatorFor } from "@/lib/i18n/messages";
import { fillPlaceholders, placeholderValues, verificationUrl, type CertificateFacts } from "./content";

export interface CertificateLayout {
  title: string;
  body: string;
  signerName: string;
  signerRole: string;
  /** PNG or JPEG bytes (the only raster formats the PDF renderer embeds). */
  logo?: { data: Buffer; format: "png" | "jpg" } | null;
}

const styles = StyleSheet.create({
  page: { padding: 48, fontFamily: "Helvetica", color: "#1e293b" },
  frame: { flexGrow: 1, borderWidth: 3, borderColor: "#4338ca", padding: 36, alignItems: "center" },
  logo: { maxHeight: 64, maxWidth: 200, marginBottom: 16, objectFit: "contain" },
  title: { fontSize: 34, fontFamily: "Helvetica-Bold", color: "#312e81", marginBottom: 28, textAlign: "center" },
  body: { fontSize: 15, lineHeight: 1.6, textAlign: "center", marginBottom: 8 },
  signature: { marginTop: "auto", alignItems: "center", width: 260, borderTopWidth: 1, borderTopColor: "#1e293b", paddingTop: 6 },
  signerName: { fontSize: 13, fontFamily: "Helvetica-Bold" },
  signerRole: { fontSize: 11, color: "#475569" },
  footer: { marginTop: 18, fontSize: 9, color: "#475569", textAlign: "center" },
});

function CertificateDocument({ layout, facts }: { layout: CertificateLayout; facts: CertificateFacts }) {
  const t = translatorFor(facts.locale);
  const values = placeholderValues(facts);
  const url = verificationUrl(facts.code);
  const paragraphs = fillPlaceholders(layout.body, values)
    .split(/\n\s*\n|\r?\n/)
    .filter((p) => p.trim());
  return (
    <Document title={fillPlaceholders(layout.title, values)} author={layout.signerName} creator="Portico" producer="Portico">
      <Page size="A4" orientation="landscape" style={styles.page}>
        <View style={styles.frame}>
          {/* eslint-disable-next-line jsx-a11y/alt-text -- a PDF image has no alt attribute */}
          {layout.logo ? <Image src={layout.logo} style={styles.logo} /> : null}
          <Text style={styles.title}>{fillPlaceholders(layout.title, values)}</Text>
          {paragraphs.map((p, i) => (
            <Text key={i} style={styles.body}>
              {p}
            </Text>
          ))}
          <View style={styles.signature}>
            <Text style={styles.signerName}>{layout.signerName}</Text>
            <Text style={styles.signerRole}>{layout.signerRole}</Text>
          </View>
          <Text style={styles.footer}>{t("certificates.pdf.verify", { code: facts.code, url })}</Text>
        </View>
      </Page>
    </Document>
  );
}

/** The certificate as PDF bytes. */
export async function renderCertificatePdf(layout: CertificateLayout, facts: CertificateFacts): Promise<Uint8Array> {
  const buffer = await renderToBuffer(<CertificateDocument layout={layout} facts={facts} />);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
