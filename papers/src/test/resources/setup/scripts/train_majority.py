"""Baseline: predicts the most frequent label of the training data."""
import pandas as pd

train = pd.read_csv("data/train.csv")
test = pd.read_csv("data/test_features.csv")
majority = train["label"].mode()[0]
pd.DataFrame({"id": test["id"], "label": majority}).to_csv("submission.csv", index=False)
print(f"majority baseline predicts {majority} for {len(test)} reviews")
