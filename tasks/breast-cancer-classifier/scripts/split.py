from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split

SEED = 7
TEST_SIZE = 0.4


def load_split():
    """The fixed, stratified train/test split of scikit-learn's bundled breast cancer data (no download).

    The 30 feature columns are named as in scikit-learn with blanks turned into underscores
    (mean_radius, ..., worst_fractal_dimension); the label is 0 for malignant, 1 for benign.
    """
    data = load_breast_cancer(as_frame=True)
    features = data.data.rename(columns=lambda name: name.replace(" ", "_"))
    return train_test_split(features, data.target, test_size=TEST_SIZE, random_state=SEED, stratify=data.target)
