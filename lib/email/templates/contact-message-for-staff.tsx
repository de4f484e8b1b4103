// A company added a message to its contact (seed 003: "complemented with new
// messages"): active staff and admins are told. Texts under "email.contactMessageForStaff".
import { defineContactStaffTemplate } from "./contact-quote";

export const contactMessageForStaff = defineContactStaffTemplate("contactMessageForStaff");
