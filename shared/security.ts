// The one Content-Security-Policy of the app, sent by the Electron protocol handler and by the browser-mode host.
// Everything is bundled: no remote script, style, font or image is ever needed.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
