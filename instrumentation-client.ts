// Runs in the browser before the app becomes interactive. Zod probes whether
// `new Function` is allowed before compiling fast object parsers; under the
// Content-Security-Policy (no 'unsafe-eval') that probe is reported as a
// violation even though Zod catches it. Forms parse small objects: skip it.
import { z } from "zod";

z.config({ jitless: true });
