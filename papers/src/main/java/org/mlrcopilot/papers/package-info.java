/**
 * The outbound I/O behind the research core's ports: the guarded HTTP client (fetch), reading papers
 * from PDF (PDFBox) and HTML (jsoup), the paper cache, arXiv, related work (Semantic Scholar, OpenAlex,
 * arXiv, ranked with an in-process embedding model), prototype look-ups and the set-up's downloads
 * from the Hugging Face Hub and GitHub. Depends on the agents module for the records and ports only.
 */
package org.mlrcopilot.papers;
