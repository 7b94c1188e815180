/**
 * Error bodies in XSOAR's shape. The 403 for a refused key is the server's own, confusing
 * text (a CSRF complaint), because that is what a runtime has to recognise and translate.
 */
export const REFUSED_KEY_BODY = {
  id: 'forbidden',
  status: 403,
  title: 'Forbidden',
  detail: 'Issue with CSRF code',
  error: 'http: named cookie not present',
  encrypted: false,
  multires: null,
} as const;

export function xsoarError(status: number, id: string, title: string, detail: string): Record<string, unknown> {
  return { id, status, title, detail, error: detail, encrypted: false, multires: null };
}
