"""Baseline: linear regression on three features; writes submission.csv (id,target)."""
import pandas as pd
from sklearn.linear_model import LinearRegression

FEATURES = ["bmi", "bp", "s5"]

train = pd.read_csv("data/train.csv")
test = pd.read_csv("data/test_features.csv")

model = LinearRegression()
model.fit(train[FEATURES], train["target"])

print(f"training R^2: {model.score(train[FEATURES], train['target']):.4f}")
pd.DataFrame({"id": test["id"], "target": model.predict(test[FEATURES])}).to_csv("submission.csv", index=False)
print(f"wrote submission.csv with {len(test)} predictions")
