package ticker
