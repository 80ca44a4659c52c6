"""Question → Answer: question analysis, the chain, chat models, the citation check, prompts."""
