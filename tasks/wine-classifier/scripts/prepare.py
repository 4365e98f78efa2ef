"""Writes env/data/train.csv and env/data/test_features.csv; the test labels stay out of env/."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from split import load_split  # noqa: E402

ENV = os.path.join(os.path.dirname(HERE), "env")


def main():
    x_train, x_test, y_train, _ = load_split()
    data = os.path.join(ENV, "data")
    os.makedirs(data, exist_ok=True)
    train = x_train.reset_index(drop=True)
    train["label"] = y_train.to_numpy()
    train.to_csv(os.path.join(data, "train.csv"), index=False)
    test = x_test.reset_index(drop=True)
    test.insert(0, "id", range(len(test)))
    test.to_csv(os.path.join(data, "test_features.csv"), index=False)
    print(f"wrote {len(train)} training and {len(test)} test rows to {data}")


if __name__ == "__main__":
    main()
