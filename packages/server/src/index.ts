/** Weframe HTTP server: the app factory, configuration and the listener. */
export { createApp, type App, type AppDeps } from './app.js';
export type { AppEnv, AppInstance, RouteDeps } from './env.js';
export * from './policy.js';
export { loadConfig, type Config, type ConfigIssue } from './config.js';
export { listen } from './serve.js';
export { diagnosisService } from './diagnosis.service.js';
export { ServiceError, STATUS_BY_CODE, type ServiceErrorCode } from './errors.js';
export {
  scryptHasher,
  passwordProblem,
  MIN_PASSWORD_LENGTH,
  type PasswordHasher,
} from './auth/password.js';
export { requireUser, isPublicRoute, type UserPrincipal } from './auth/principal.js';
export { unsentMailer, type Mailer, type MailMessage } from './auth/mailer.js';
export { smtpMailer, type SmtpSettings } from './auth/smtp-mailer.js';
export { parseWorkspaceExport } from './workspace-export.schema.js';
export { workspaceService, type WorkspaceService } from './workspace.service.js';
