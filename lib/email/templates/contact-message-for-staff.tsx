// A company added a message to its contact (a contact can be complemented with
// new messages until it is finished): active staff and admins are told. Texts under "email.contactMessageForStaff".
import { defineContactStaffTemplate } from "./contact-quote";

export const contactMessageForStaff = defineContactStaffTemplate("contactMessageForStaff");
