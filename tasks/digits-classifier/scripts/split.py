from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

SEED = 7
TEST_SIZE = 0.3


def load_split():
    """The fixed train/test split of scikit-learn's bundled digits data (no download)."""
    digits = load_digits()
    return train_test_split(digits.data, digits.target, test_size=TEST_SIZE,
                            random_state=SEED, stratify=digits.target)
