/**
 * How deep elements may nest in a section document, counted from the top: a paragraph is 1, a
 * paragraph in a list item in a list is 3, each further list level adds 2 (list and item), a
 * table cell's paragraph is 4.
 *
 * Why a bound at all: every reader of a section (export, search, history, every editor that
 * opens it) walks the tree, and a tree a thousand levels deep (a crafted client nesting
 * blockquotes) took the whole case's copy down with a stack overflow. Why 64: no real document
 * comes near it, and all a writer plausibly makes in the editor fits (a list indented 31 levels deep,
 * 30 inside a table cell), while 64 levels are shallow enough for every recursive walk (ProseMirror,
 * the Yjs binding, the server's readers). The server refuses a change that nests deeper (close code
 * 4422); a deeper section stored before this rule is flattened or left out by readers, and logged,
 * rather than failing the case.
 */
export const MAX_NESTING_DEPTH = 64;
