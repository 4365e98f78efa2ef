"""Held-out split of the review data: env/data/ for the experiment, hidden/ for the evaluation."""
import os

import pandas as pd
from sklearn.model_selection import train_test_split

df = pd.read_csv("raw/imdb-mini_reviews/data/train.csv")
train, test = train_test_split(df, test_size=0.25, random_state=0, stratify=df["label"])
os.makedirs("env/data", exist_ok=True)
os.makedirs("hidden", exist_ok=True)
train.to_csv("env/data/train.csv", index=False)
test = test.reset_index(drop=True)
test.insert(0, "id", range(len(test)))
test[["id", "text"]].to_csv("env/data/test_features.csv", index=False)
test[["id", "label"]].to_csv("hidden/test_labels.csv", index=False)
print(f"train {len(train)} rows, held out {len(test)} rows")
