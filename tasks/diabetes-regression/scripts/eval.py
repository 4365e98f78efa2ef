"""get_score(path): root mean squared error of path/submission.csv on the hidden test targets."""
import os
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from split import load_split  # noqa: E402


def get_score(path):
    _, _, _, y_test = load_split()
    submission = pd.read_csv(os.path.join(path, "submission.csv"))
    if list(submission.columns) != ["id", "target"]:
        raise ValueError(f"submission.csv must have columns id,target; got {list(submission.columns)}")
    if len(submission) != len(y_test) or sorted(submission["id"]) != list(range(len(y_test))):
        raise ValueError(f"submission.csv must have one row per test id 0..{len(y_test) - 1}")
    predicted = submission.sort_values("id")["target"].to_numpy(dtype=float)
    return float(np.sqrt(np.mean((predicted - y_test.to_numpy()) ** 2)))


if __name__ == "__main__":
    print(get_score(sys.argv[1] if len(sys.argv) > 1 else "../env"))
