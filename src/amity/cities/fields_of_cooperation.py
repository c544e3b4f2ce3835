"""The controlled list of fields of cooperation, in the order the official lists use."""

FIELDS_OF_COOPERATION: list[tuple[str, str, str]] = [
    ("trade", "Trade", "经贸"),
    ("investment", "Investment", "投资"),
    ("tourism", "Tourism", "旅游"),
    ("government", "Government", "政府交往"),
    ("energy", "Energy", "能源"),
    ("science-technology", "Science & technology", "科技"),
    ("environment", "Environment", "环保"),
    ("sports", "Sports", "体育"),
    ("culture-arts", "Culture & arts", "文化艺术"),
    ("health", "Health", "卫生健康"),
    ("transport", "Transport", "交通"),
    ("urban-construction", "Urban construction", "城市建设"),
    ("education-talent", "Education & talent", "教育与人才"),
    ("smart-city", "Smart city", "智慧城市"),
]
