"""Reading articles: text in, quantities, entities, facts and ignored numbers out."""
