"""ARI between two `participant_id,group` CSVs (participants grouped in both), by scikit-learn."""
import sys

import pandas as pd
from sklearn.metrics import adjusted_rand_score

a = pd.read_csv(sys.argv[1]).dropna()
b = pd.read_csv(sys.argv[2]).dropna()
m = a.merge(b, on="participant_id")
print(f"{sys.argv[1]} vs {sys.argv[2]}: ARI {adjusted_rand_score(m['group_x'], m['group_y']):.4f} on {len(m)} participants")
