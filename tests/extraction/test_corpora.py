"""The extractor runs over every document of the TimeML corpora in ../shared/eval without an error."""
import logging
import os
from pathlib import Path

import pytest

from service.extraction import extract
from service.extraction.timeml import read_directory

# The corpora sit beside the repository (../shared/eval); TIMELINE_EVAL_DIR points elsewhere, e.g. from a worktree.
EVAL = Path(os.environ.get("TIMELINE_EVAL_DIR") or Path(__file__).resolve().parents[2].parent / "shared" / "eval")
CORPORA = ("timebank", "meantime")


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_document_extracts_without_error(corpus, caplog):
    directory = EVAL / corpus
    if not directory.is_dir():
        pytest.skip(f"corpus {directory} is absent (set TIMELINE_EVAL_DIR to the folder holding {', '.join(CORPORA)})")
    documents = read_directory(directory)
    assert documents, f"no .tml files in {directory}"
    with caplog.at_level(logging.WARNING, logger="service.extraction"):
        for document in documents:
            for mention in extract(document.text, document.creation_time):
                assert document.text[mention.start:mention.end] == mention.text
    # A resolver that fails is caught so an article is never lost, but it is a rule bug all the same.
    assert [record.getMessage() for record in caplog.records] == []
