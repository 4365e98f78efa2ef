"""get_score(path, split=None): accuracy of path/submission.csv on the hidden test labels.

The held-out rows are split deterministically in two halves by their id: split="valid" scores the
rows with an even id (0, 2, 4, ...), split="test" the rows with an odd id, split=None all of them.
The submission always holds one row per held-out id; it never learns which half a row is in.
"""
import os
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from split import load_split  # noqa: E402

SPLITS = (None, "valid", "test")


def held_out_ids(n, split=None):
    """The held-out ids that split scores: all of 0..n-1, the even ones (valid) or the odd ones (test)."""
    if split is None:
        return np.arange(n)
    if split == "valid":
        return np.arange(0, n, 2)
    if split == "test":
        return np.arange(1, n, 2)
    raise ValueError(f"split must be None, 'valid' or 'test'; got {split!r}")


def read_submission(path, column, n):
    """path/submission.csv as an array of column's values in id order 0..n-1; ValueError if malformed."""
    file = os.path.join(path, "submission.csv")
    if not os.path.isfile(file):
        raise ValueError(f"no submission.csv in {path}: train.py must write one (columns id,{column})")
    try:
        submission = pd.read_csv(file)
    except (pd.errors.EmptyDataError, pd.errors.ParserError) as e:
        raise ValueError(f"submission.csv is not a readable CSV file: {e}") from e
    if list(submission.columns) != ["id", column]:
        raise ValueError(f"submission.csv must have columns id,{column}; got {list(submission.columns)}")
    if len(submission) != n:
        raise ValueError(f"submission.csv must have one row per test id 0..{n - 1} ({n} rows); got {len(submission)}")
    ids = pd.to_numeric(submission["id"], errors="coerce")
    if ids.isna().any() or sorted(ids) != list(range(n)):
        raise ValueError(f"submission.csv must hold each test id 0..{n - 1} once; some are missing or repeated")
    values = submission.assign(id=ids.astype(int)).sort_values("id")[column]
    if values.isna().any():
        raise ValueError(f"submission.csv has {int(values.isna().sum())} empty {column} values")
    return values.to_numpy()


def get_score(path, split=None):
    if split not in SPLITS:
        raise ValueError(f"split must be None, 'valid' or 'test'; got {split!r}")
    _, _, y_train, y_test = load_split()
    rows = held_out_ids(len(y_test), split)
    classes = np.unique(np.concatenate([np.asarray(y_train), np.asarray(y_test)]))
    labels = read_submission(path, "label", len(y_test))
    predicted = pd.to_numeric(pd.Series(labels), errors="coerce")
    unknown = np.flatnonzero(~predicted.isin(classes))
    if len(unknown):
        raise ValueError(
            f"submission.csv has {len(unknown)} labels that are not a class ({', '.join(map(str, classes))}),"
            f" e.g. {labels[unknown[0]]!r}"
        )
    return float((predicted.to_numpy()[rows] == np.asarray(y_test)[rows]).mean())


if __name__ == "__main__":
    print(get_score(sys.argv[1] if len(sys.argv) > 1 else "../env", sys.argv[2] if len(sys.argv) > 2 else None))
