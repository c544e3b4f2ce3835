"""Number formats for Simplified Chinese, over Django's own (which group no digits).

Chinese readers write large numbers with a comma every three digits (132,800), as CLDR has it;
Django's zh_Hans formats leave the thousands separator empty ("人口 132800").
"""

THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
