// Limits of the importer, in one place with the reason for each (CRAFT: limits are
// written down). Inputs beyond them are refused with an ImportError, never truncated.

/** Largest article accepted, in UTF-8 bytes (HTTP bodies over it get 413). */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/**
 * Deepest element nesting accepted. Real articles nest a dozen levels; the parsers and
 * tree utilities recurse per level, so an "HTML bomb" of 100,000 nested elements would
 * overflow the stack (and cost seconds) if it reached them.
 */
export const MAX_NESTING = 256;

/**
 * Markdown limits: micromark's work grows quadratically with nested containers
 * (`> > > …`), unclosed brackets and runs of emphasis delimiters, so a few kilobytes of
 * such input take seconds. Legitimate articles stay far below these.
 */
export const MAX_MARKDOWN_CONTAINERS = 32;
export const MAX_MARKDOWN_BRACKETS = 32;
export const MAX_DELIMITER_RUN = 256;
export const MAX_DELIMITER_RUNS_PER_BLOCK = 2000;

/**
 * Lines in one markdown paragraph (a block between blank lines). micromark's paragraph
 * resolution grows faster than linearly with them (20,000 lines: seconds); a real
 * paragraph has a handful. Text with one paragraph per line belongs in the text format.
 */
export const MAX_PARAGRAPH_LINES = 2000;
