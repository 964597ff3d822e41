// Shared by the browser clients that send it and the routes that require it.
export const ANTI_FORGERY_HEADER = 'x-csrf'
