/** Finding and fetching newly published reports (filled by the crawl issue). */
export {};
