from sklearn.datasets import load_diabetes
from sklearn.model_selection import train_test_split

SEED = 7
TEST_SIZE = 0.3


def load_split():
    """The fixed train/test split of scikit-learn's bundled diabetes data (no download)."""
    data = load_diabetes(as_frame=True)
    return train_test_split(data.data, data.target, test_size=TEST_SIZE, random_state=SEED)
