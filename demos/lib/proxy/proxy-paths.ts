// No `server-only`: the browser's typed client maps its paths here too.

// #region proxy-paths
/**
 * The catch-all proxy's one mapping, used both ways: the browser's
 * `/api/proxy/<rest>` stands for the API's `/api/<rest>`. The typed browser
 * client names the API's own paths and the proxy hands the API the same ones.
 */
export const PROXY_PREFIX = '/api/proxy/'
const API_PREFIX = '/api/'
const API_PATH = /^((?:[a-z][a-z0-9+.-]*:)?\/\/[^/?#]*)?\/api\//i

/** `/api/goals?page=2` → `/api/proxy/goals?page=2`, keeping an origin if there is one. */
export function toProxyUrl(apiUrl: string): string {
  return apiUrl.replace(API_PATH, (_, origin: string | undefined) => `${origin ?? ''}${PROXY_PREFIX}`)
}

/** A path on the API (`/api/goals/42`) → the proxy path the browser can follow, or null outside `/api/`. */
export function toProxyPath(apiPath: string): string | null {
  return apiPath.startsWith(API_PREFIX) ? PROXY_PREFIX + apiPath.slice(API_PREFIX.length) : null
}

/** The proxy's checked segments and query → the API path they stand for. */
export function toApiPath(segments: string[], search: string): string {
  return API_PREFIX + segments.join('/') + search
}
// #endregion proxy-paths
