// The header every test control but GET /health must carry. A page on another origin cannot add a custom
// header to a no-cors request, and its CORS preflight is refused, so it cannot drive the controls.
export const CONTROL_HEADER = 'x-emulator-control';
export const CONTROL_HEADERS: Readonly<Record<string, string>> = { [CONTROL_HEADER]: '1' };
