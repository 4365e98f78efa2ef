"""get_score(path): accuracy of path/submission.csv (id,label) on the held-out labels."""
import os

import pandas as pd


def get_score(path):
    labels = pd.read_csv(os.path.join(os.path.dirname(os.path.abspath(__file__)), "hidden", "test_labels.csv"))
    submission = pd.read_csv(os.path.join(path, "submission.csv"))
    merged = labels.merge(submission, on="id", how="left", suffixes=("", "_pred"))
    if merged["label_pred"].isna().any():
        raise ValueError("submission.csv must have one label per held-out id")
    return float((merged["label"] == merged["label_pred"]).mean())
