"""Drafting: turn an article's date mentions into event drafts. Pure: text, mentions and vocabularies in,
drafts out; storing them is service/events'."""
