// Public entry of the mail module (server only): sending, the outbox, the texts.
import "server-only";
export { MailNotSentError, outboxPageEnabled, readOutbox, sendMail, type Mail, type MailConfig } from "./mailer";
export { emailVerificationMail, invitationMail, passwordResetMail } from "./templates";
