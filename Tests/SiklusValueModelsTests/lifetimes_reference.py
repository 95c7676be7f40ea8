"""The reference side of SiklusValueModelsTests: Python's lifetimes (0.11.3, in the virtual environment that
scripts/test creates) on the same transactions Siklus reads.

    lifetimes_reference.py cdnow-path
        the path of the CDNOW sample inside the installed package
    lifetimes_reference.py fit TRANSACTIONS.csv AS_OF DAYS_PER_UNIT HORIZON
        TRANSACTIONS.csv has the columns customer,date,amount; prints JSON with the per-customer summary
        (daily grouping, times in days / DAYS_PER_UNIT), both fits, their total log-likelihoods, p_alive
        and the expected purchases over HORIZON units per customer.
"""
import json
import os
import sys
import warnings

import numpy as np
import pandas as pd
import lifetimes
from lifetimes import BetaGeoFitter, GammaGammaFitter
from lifetimes.utils import summary_data_from_transaction_data

warnings.simplefilter("ignore")


def fit(path, as_of, days_per_unit, horizon):
    transactions = pd.read_csv(path, dtype={"customer": str})
    summary = summary_data_from_transaction_data(
        transactions, "customer", "date", monetary_value_col="amount",
        observation_period_end=as_of, freq="D", freq_multiplier=days_per_unit)
    x, tx, T = summary["frequency"], summary["recency"], summary["T"]
    bg = BetaGeoFitter().fit(x, tx, T)
    r, alpha, a, b = (bg.params_[k] for k in ("r", "alpha", "a", "b"))
    weights = np.ones(len(x))
    bg_ll = -BetaGeoFitter._negative_log_likelihood(np.log([r, alpha, a, b]), x.values, tx.values, T.values, weights, 0) * len(x)
    repeat = summary[(x > 0) & (summary["monetary_value"] > 0)]
    gg = GammaGammaFitter().fit(repeat["frequency"], repeat["monetary_value"])
    p, q, v = (gg.params_[k] for k in ("p", "q", "v"))
    gg_ll = -GammaGammaFitter._negative_log_likelihood(
        np.log([p, q, v]), repeat["frequency"].values, repeat["monetary_value"].values, np.ones(len(repeat)), 0) * len(repeat)
    return {
        "customers": [str(c) for c in summary.index],
        "frequency": x.tolist(), "recency": tx.tolist(), "T": T.tolist(),
        "monetary": summary["monetary_value"].tolist(),
        "bgnbd": {"r": r, "alpha": alpha, "a": a, "b": b, "log_likelihood": float(bg_ll)},
        "gamma_gamma": {"p": p, "q": q, "v": v, "log_likelihood": float(gg_ll)},
        "p_alive": bg.conditional_probability_alive(x, tx, T).tolist(),
        "expected_purchases": bg.conditional_expected_number_of_purchases_up_to_time(horizon, x, tx, T).tolist(),
        "expected_order_value": gg.conditional_expected_average_profit(x, summary["monetary_value"]).tolist(),
    }


if __name__ == "__main__":
    if sys.argv[1] == "cdnow-path":
        print(os.path.join(os.path.dirname(lifetimes.__file__), "datasets", "CDNOW_sample.txt"))
    elif sys.argv[1] == "fit":
        print(json.dumps(fit(sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]))))
    else:
        sys.exit("unknown mode " + sys.argv[1])
