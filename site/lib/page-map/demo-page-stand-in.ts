// What Nextra's page map imports in place of a demo page (next.config.mjs,
// page-map-stand-ins): no metadata, and none of the page's client components.
// The sidebar takes the demo pages' titles from app/demo/_meta.ts.
export const metadata = {}
