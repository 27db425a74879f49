/** Whether a route's declared path is the prefix itself or below it (`/v1`, `/v1/...`, not `/v1x`). */
export function isUnder(routeUrl: string, prefix: string): boolean {
  return routeUrl === prefix || routeUrl.startsWith(`${prefix}/`);
}
