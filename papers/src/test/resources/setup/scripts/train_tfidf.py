"""Hypothesis: TF-IDF features with logistic regression."""
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

train = pd.read_csv("data/train.csv")
test = pd.read_csv("data/test_features.csv")
vectorizer = TfidfVectorizer(ngram_range=(1, 2))
model = LogisticRegression(max_iter=200).fit(vectorizer.fit_transform(train["text"]), train["label"])
pd.DataFrame({"id": test["id"], "label": model.predict(vectorizer.transform(test["text"]))}).to_csv(
    "submission.csv", index=False)
print(f"training accuracy: {model.score(vectorizer.transform(train['text']), train['label']):.4f}")
