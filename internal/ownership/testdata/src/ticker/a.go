package ticker // want package:"analyzed"
