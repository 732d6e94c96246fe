"""The partner feed: every listing, shielding, deletion, repair and certificate reaches every
approved partner (regulators, tax, banks, credit platforms), and the court can prove it did."""
