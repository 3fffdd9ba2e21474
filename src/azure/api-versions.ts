/**
 * The api-versions the wizard pins on the clients that accept one. They are the installed SDKs' own defaults
 * (@azure/arm-recoveryservices 7.2.0, @azure/arm-resources 8.0.0), written down so request previews name them.
 */
export const RECOVERY_SERVICES_API_VERSION = '2026-07-01';
export const RESOURCES_API_VERSION = '2025-04-01';

/**
 * The backup api-version protection is enabled with: @azure/arm-recoveryservicesbackup 12.0.0's own default
 * (its client isn't pinned). What the Trusted Launch rule depends on: a Standard policy needs 2025-01-01 or later.
 */
export const BACKUP_API_VERSION = '2023-06-01';
