from sklearn.datasets import load_wine
from sklearn.model_selection import train_test_split

SEED = 7
TEST_SIZE = 0.4


def load_split():
    """The fixed, stratified train/test split of scikit-learn's bundled wine data (no download).

    The 13 feature columns are named as in scikit-learn, od280/od315_of_diluted_wines written
    od280_od315_of_diluted_wines; the label is the cultivar, 0, 1 or 2.
    """
    data = load_wine(as_frame=True)
    features = data.data.rename(columns=lambda name: name.replace("/", "_"))
    return train_test_split(features, data.target, test_size=TEST_SIZE, random_state=SEED, stratify=data.target)
