import createFetchClient from 'openapi-fetch'
import createClient from 'openapi-react-query'
// Types only, so nothing of it runs here: the site's generated file, demos/lib/api/dotnet-api.d.ts.
import type { paths } from '../../lib/api/dotnet-api'
import { fakeFetch } from './fake-api'

// Two clients, as in the site: the server calls the API directly, the browser
// calls this site (browser-client.ts maps each path onto the proxy route, which
// adds the token). Each gets its own $api.
export const $server = createClient(createFetchClient<paths>({ baseUrl: 'https://api.internal', fetch: fakeFetch('server') }))
export const $browser = createClient(createFetchClient<paths>({ baseUrl: 'https://site.example', fetch: fakeFetch('browser') }))

// The key is built from the method, the path and the parameters, never from the
// client, so both sides name the same cache entry.
export const firstPage = { params: { query: { page: 1, pageSize: 5 } } }
