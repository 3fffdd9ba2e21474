/**
 * The api-versions the wizard pins on the clients that accept one. They are the installed SDKs' own defaults
 * (@azure/arm-recoveryservices 7.2.0, @azure/arm-resources 8.0.0), written down so request previews name them.
 */
export const RECOVERY_SERVICES_API_VERSION = '2026-07-01';
export const RESOURCES_API_VERSION = '2025-04-01';
