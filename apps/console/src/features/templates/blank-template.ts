/** The gallery's Blank card: the editor's own starter SQL and no suggested name. */
export const BLANK_TEMPLATE_ID = 'blank';
