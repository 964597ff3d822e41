/**
 * The props of the docs theme's Markdown table (its class names), with a name.
 * The theme's table scrolls sideways when it is wider than the column, and a
 * region that scrolls must take focus so a keyboard can scroll it.
 */
export const scrollableTable = (label: string) => ({ className: 'nextra-scrollbar x:not-first:mt-[1.25em] x:p-0', tabIndex: 0, 'aria-label': label })
