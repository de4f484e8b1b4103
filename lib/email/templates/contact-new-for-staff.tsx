// A company opened a contact: every active staff member and admin is
// told, in their own language. Texts under "email.contactNewForStaff".
import { defineContactStaffTemplate } from "./contact-quote";

export const contactNewForStaff = defineContactStaffTemplate("contactNewForStaff");
