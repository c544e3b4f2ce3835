"""Invented content of the demo fair (all of it demo data): themes of the 2023 forum.

Each theme gives Shanghai enterprises Chinese offers and requests, and partner-city
enterprises English ones, written so that one side's offer answers the other's request.
"""

# key, English noun, Chinese noun, Shanghai sector, partner sector, cooperation type,
# Shanghai offers (zh), Shanghai requests (zh), partner offers (en), partner requests (en)
THEMES = (
    (
        "smart_city",
        "Smart City",
        "智慧城市",
        "6201",
        "6311",
        "technology_transfer",
        (
            "城市公共无线网络建设与运营方案",
            "市政服务手机支付平台（水电燃气缴费一站式）",
            "基于人工智能的城市规划与交通仿真软件",
        ),
        ("寻求海外城市智慧路灯与传感器数据合作伙伴", "寻找应急通信系统的海外分销商"),
        (
            "Crime-prevention video analytics for city centres",
            "Waste-collection route optimisation with fill-level sensors",
            "Emergency and fire-service radio communication systems",
        ),
        (
            "We seek a public Wi-Fi operator for our downtown and transit stations",
            "Looking for a smartphone payment platform for municipal services and parking",
            "Seeking AI tools for urban planning and traffic simulation",
        ),
    ),
    (
        "ports",
        "Green Shipping",
        "绿色航运",
        "5012",
        "5222",
        "joint_venture",
        (
            "上海港至洛杉矶港绿色航运走廊的集装箱物流服务",
            "电动集装箱卡车与港区自动化码头设备",
            "船舶岸电系统的设计与安装",
        ),
        ("寻求甲醇或液化天然气动力船舶燃料加注合作伙伴", "寻找海外港口的冷链物流合作方"),
        (
            "Shore power and green methanol bunkering at our port terminals",
            "Cold-chain warehousing and customs brokerage at the port",
            "Port emissions monitoring and carbon accounting services",
        ),
        (
            "Green shipping corridor partners for container logistics to Shanghai",
            "We seek electric trucks and automated terminal equipment",
            "Looking for shore-power installers for cruise and container berths",
        ),
    ),
    (
        "tourism",
        "Travel",
        "旅游",
        "7911",
        "7911",
        "tourism",
        (
            "面向中国游客的出境旅游线路与团队组织",
            "中文导游与旅游营销的社交媒体推广",
        ),
        ("寻找海外目的地的酒店与地接合作伙伴", "寻求葡萄酒庄园与自然风光旅游产品"),
        (
            "Guided wine and nature tours for visiting groups",
            "Boutique hotels and ground handling for tour groups",
            "Cruise shore excursions and city walking tours",
        ),
        (
            "We want tour operators who bring Chinese visitor groups",
            "Seeking Chinese-language social media marketing for our destination",
        ),
    ),
    (
        "education",
        "Education",
        "教育",
        "8530",
        "8530",
        "education",
        (
            "中文教学与汉语水平考试培训课程",
            "高校联合培养与学生交换项目",
        ),
        ("寻求海外大学的英语语言课程与师资合作", "寻找职业教育与港口物流培训合作伙伴"),
        (
            "English language courses and teacher exchange with our university",
            "Vocational training in port logistics and hospitality",
        ),
        (
            "We seek Mandarin language courses for our students",
            "Looking for a partner university for joint degree and student exchange",
        ),
    ),
    (
        "fashion",
        "Fashion",
        "时尚",
        "1410",
        "1430",
        "distribution",
        (
            "丝绸与羊绒服装的设计和小批量生产",
            "时装电商直播与跨境销售服务",
        ),
        ("寻找海外设计师品牌进入中国市场", "寻求有机羊毛面料供应商"),
        (
            "Merino wool knitwear and organic wool fabrics",
            "Designer fashion labels looking to enter the Chinese market",
        ),
        (
            "We seek silk and cashmere garment manufacturing in small batches",
            "Looking for livestream e-commerce and cross-border sales in China",
        ),
    ),
    (
        "finance",
        "Finance",
        "金融",
        "6419",
        "6499",
        "investment",
        (
            "中小企业跨境贸易融资与人民币结算服务",
            "面向中小企业的供应链金融平台",
        ),
        ("寻求海外中小企业投资项目与共同投资伙伴", "寻找绿色债券与可持续金融合作"),
        (
            "Venture capital for small and medium enterprises in clean technology",
            "Green bonds and sustainable finance advisory",
        ),
        (
            "We seek trade finance and renminbi settlement for exports to China",
            "Looking for supply-chain financing for our small manufacturers",
        ),
    ),
    (
        "services",
        "Services",
        "服务",
        "7020",
        "8299",
        "export_import",
        (
            "帮助海外产品进入中国市场的咨询与注册服务",
            "中英文翻译、口译与商务会展服务",
        ),
        ("寻求海外市场调研与法律咨询合作伙伴", "寻找海外会展与商务对接服务"),
        (
            "Market research and legal advice for companies entering our country",
            "Trade show organisation and business matchmaking services",
        ),
        (
            "We need help bringing our food and wine products into the Chinese market",
            "Looking for Chinese-English interpreting and translation services",
        ),
    ),
    (
        "manufacturing",
        "Manufacturing",
        "制造",
        "2910",
        "2720",
        "export_import",
        (
            "纯电动城市公交车整车出口及充电站建设",
            "工业机器人与自动化生产线",
        ),
        ("寻求动力电池回收与梯次利用技术", "寻找海外城市公交运营商合作伙伴"),
        (
            "Battery recycling and second-life storage for electric vehicles",
            "Precision parts machining for automotive suppliers",
        ),
        (
            "We seek battery-electric buses for our city fleet",
            "Looking for industrial robots and an automated assembly line",
        ),
    ),
)

DISTRICTS = (
    ("Pudong", "浦东"),
    ("Huangpu", "黄浦"),
    ("Jing'an", "静安"),
    ("Xuhui", "徐汇"),
    ("Minhang", "闵行"),
    ("Yangpu", "杨浦"),
    ("Hongkou", "虹口"),
    ("Changning", "长宁"),
)

# Partner cities of the 2023 forum with their country and languages.
PARTNER_CITIES = (
    ("Dunedin", "NZ", ("en",)),
    ("Vientiane", "LA", ("lo", "en")),
    ("Johannesburg", "ZA", ("en", "zu")),
    ("Los Angeles", "US", ("en", "es")),
    ("Chicago", "US", ("en",)),
    ("Yokohama", "JP", ("ja", "en")),
    ("Milan", "IT", ("it", "en")),
    ("Rotterdam", "NL", ("nl", "en")),
    ("Busan", "KR", ("ko", "en")),
    ("Ho Chi Minh City", "VN", ("vi", "en")),
    ("Windhoek", "NA", ("en", "af")),
    ("Porto", "PT", ("pt", "en")),
    ("Liverpool", "GB", ("en",)),
)
SUFFIXES = ("Ltd", "Group", "Partners", "Works", "Co.")
