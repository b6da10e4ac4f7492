"""Names of the industry an article may use that a store may lack.

A store curated from five articles knows the companies those articles are about,
not the ones the next article is (甲骨文, SK海力士, 寒武纪, 摩根士丹利). Drafting
proposes an entity for each of these names an article uses and the store lacks,
so 该公司 after 甲骨文 is Oracle, not the last company the store happens to know.
Each carries its kind, its maker (a product line's) and its names in English,
Simplified and Traditional Chinese (the resolver folds script, case and width,
so one spelling of each is enough). Words that are also common words, or that
run across two words of ordinary prose, are left out or written in a longer
form (浪潮信息, not 浪潮, "a tide"; 联想集团, not 联想, "to associate"; 京东集团,
not 京东, in 北京东部; Arm is the architecture more often than the company).
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Known(NamedTuple):
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    maker: str | None = None


INDUSTRY: tuple[Known, ...] = (
    # other names of companies a store most likely has (輝達 is Taiwan's Nvidia): when
    # the store knows one of the names, the others are read as that entity
    Known("nvidia", "Nvidia", "company", ("英伟达", "辉达", "NVIDIA Corporation")),
    Known("amd", "AMD", "company", ("超威半导体", "超微半导体")),
    Known("samsung", "Samsung", "company", ("三星", "三星电子", "Samsung Electronics")),
    Known("tsmc", "TSMC", "company", ("台积电", "台湾积体电路", "台积公司")),
    Known("meta", "Meta", "company", ("Meta Platforms", "脸书")),
    # chip makers, memory, foundries and packaging
    Known("intel", "Intel", "company", ("英特尔",)),
    Known("sk-hynix", "SK hynix", "company", ("SK海力士", "海力士", "SK Hynix Inc")),
    Known("micron", "Micron", "company", ("美光", "Micron Technology", "美光科技")),
    Known("huawei", "Huawei", "company", ("华为", "华为云", "海思", "HiSilicon")),
    Known("smic", "SMIC", "company", ("中芯国际",)),
    Known("cambricon", "Cambricon", "company", ("寒武纪",)),
    Known("moore-threads", "Moore Threads", "company", ("摩尔线程",)),
    Known("biren", "Biren Technology", "company", ("壁仞科技", "壁仞")),
    Known("hygon", "Hygon", "company", ("海光信息",)),
    Known("kunlunxin", "Kunlunxin", "company", ("昆仑芯",)),
    Known("enflame", "Enflame", "company", ("燧原科技", "燧原")),
    Known("metax", "MetaX", "company", ("沐曦",)),
    Known("iluvatar-corex", "Iluvatar CoreX", "company", ("天数智芯",)),
    Known("loongson", "Loongson", "company", ("龙芯中科", "龙芯")),
    Known("phytium", "Phytium", "company", ("飞腾信息",)),  # not 飞腾, "to soar"
    Known("zhaoxin", "Zhaoxin", "company", ("上海兆芯", "兆芯集成")),  # not 千兆芯片
    Known("unisoc", "UNISOC", "company", ("紫光展锐",)),
    Known("t-head", "T-Head", "company", ("平头哥",)),
    Known("verisilicon", "VeriSilicon", "company", ("芯原股份", "芯原微电子")),
    Known("black-sesame", "Black Sesame Technologies", "company", ("黑芝麻智能",)),
    Known("bitmain", "Bitmain", "company", ("比特大陆",)),
    Known("vastai", "Vastai Technologies", "company", ("瀚博半导体",)),
    Known("denglin", "Denglin Technology", "company", ("登临科技",)),
    Known("intellifusion", "Intellifusion", "company", ("云天励飞",)),
    Known("yusur", "YUSUR", "company", ("中科驭数",)),
    # China's memory makers, spelled wrong by pinyin (长鑫 is Changxin, not Zhangxin)
    Known("cxmt", "CXMT", "company", ("长鑫存储", "长鑫", "ChangXin Memory")),
    Known("ymtc", "YMTC", "company", ("长江存储", "Yangtze Memory")),
    Known("hua-hong", "Hua Hong Semiconductor", "company", ("华虹半导体", "华虹")),
    Known("nexchip", "Nexchip", "company", ("晶合集成",)),
    Known("nanya", "Nanya Technology", "company"),  # not 南亚科(技): inside 东南亚科技
    Known("winbond", "Winbond", "company", ("华邦电", "华邦电子")),
    Known("kioxia", "Kioxia", "company", ("铠侠",)),
    Known("unimicron", "Unimicron", "company", ("欣兴电子", "欣兴")),
    Known("ibiden", "Ibiden", "company", ("揖斐电",)),
    # not 南电 (in 云南电力) nor 南亚电路板 (in 东南亚电路板): its Latin names only
    Known("nan-ya-pcb", "Nan Ya PCB", "company", ("Nan Ya Printed Circuit Board",)),
    Known("kinsus", "Kinsus", "company", ("景硕", "景硕科技")),
    Known("shinko", "Shinko Electric", "company", ("新光电气", "新光电气工业")),
    # the makers of a substrate's film and glass cloth
    Known("ajinomoto", "Ajinomoto", "company", ("味之素",)),
    Known("nittobo", "Nittobo", "company", ("日东纺", "Nitto Boseki")),
    Known("resonac", "Resonac", "company", ("力森诺科",)),
    # equipment makers
    Known("applied-materials", "Applied Materials", "company", ("应用材料公司",)),
    Known("lam-research", "Lam Research", "company", ("泛林集团", "泛林", "科林研发")),
    Known("tokyo-electron", "Tokyo Electron", "company", ("东京电子", "东京威力科创")),
    Known("kla", "KLA", "company", ("科磊",)),
    Known("naura", "Naura", "company", ("北方华创",)),
    Known("amec", "AMEC", "company", ("中微公司", "中微半导体")),
    Known("smee", "SMEE", "company", ("上海微电子",)),
    Known("jcet", "JCET", "company", ("长电科技",)),
    Known("tongfu", "Tongfu Microelectronics", "company", ("通富微电",)),
    Known("sophgo", "Sophgo", "company", ("算能科技",)),  # not 算能, inside 计算能力
    Known("horizon-robotics", "Horizon Robotics", "company", ("地平线机器人",)),
    Known("mediatek", "MediaTek", "company", ("联发科",)),
    Known("alchip", "Alchip", "company", ("世芯电子", "世芯-KY", "世芯")),
    Known("guc", "Global Unichip", "company", ("创意电子",)),
    Known("cerebras", "Cerebras", "company", ("Cerebras Systems",)),
    Known("groq", "Groq", "company"),
    Known("sambanova", "SambaNova", "company", ("SambaNova Systems",)),
    Known("graphcore", "Graphcore", "company"),
    Known("tenstorrent", "Tenstorrent", "company"),
    Known("d-matrix", "d-Matrix", "company"),
    Known("marvell", "Marvell", "company", ("迈威尔", "Marvell Technology")),
    Known("cisco", "Cisco", "company", ("思科",)),
    Known("arista", "Arista Networks", "company", ("Arista",)),
    Known("accton", "Accton", "company", ("智邦", "智邦科技", "Accton Technology")),
    # optics and interconnect for AI clusters
    Known("innolight", "Innolight", "company", ("中际旭创",)),
    Known("eoptolink", "Eoptolink", "company", ("新易盛",)),
    Known("accelink", "Accelink", "company", ("光迅科技",)),
    Known("lumentum", "Lumentum", "company"),
    Known("coherent", "Coherent", "company", ("Coherent Corp",)),  # not the English word
    Known("credo", "Credo", "company", ("Credo Technology",)),
    Known("astera-labs", "Astera Labs", "company"),
    Known("ayar-labs", "Ayar Labs", "company"),
    Known("lightmatter", "Lightmatter", "company"),
    Known("asml", "ASML", "company", ("阿斯麦", "艾司摩尔")),  # (Taiwan's 艾司摩爾)
    Known("globalfoundries", "GlobalFoundries", "company", ("格芯",)),
    Known("umc", "UMC", "company", ("联电",)),
    Known("ase", "ASE Technology", "company", ("日月光",)),
    # not 矽品 alone: in 多晶矽品質
    Known("spil", "SPIL", "company", ("矽品精密", "Siliconware")),
    # not 力成 alone: inside 努力成为
    Known("pti", "Powertech Technology", "company", ("力成科技",)),
    Known("kyec", "KYEC", "company", ("京元电子", "King Yuan Electronics")),
    Known("amkor", "Amkor", "company", ("安靠",)),
    Known("rapidus", "Rapidus", "company"),
    Known("synopsys", "Synopsys", "company", ("新思科技",)),
    Known("cadence", "Cadence", "company", ("楷登电子",)),
    Known("arm", "Arm Holdings", "company", ("安谋",)),
    # servers and systems
    Known("supermicro", "Supermicro", "company", ("Super Micro", "超微电脑", "美超微")),
    Known("dell", "Dell", "company", ("戴尔",)),
    Known("hpe", "Hewlett Packard Enterprise", "company", ("HPE", "慧与")),
    Known("foxconn", "Foxconn", "company", ("鸿海", "富士康", "Hon Hai")),
    Known("quanta", "Quanta Computer", "company", ("广达", "Quanta")),
    Known("wistron", "Wistron", "company", ("纬创",)),
    Known("qct", "QCT", "company", ("云达", "Quanta Cloud Technology")),
    Known("wiwynn", "Wiwynn", "company", ("纬颖",)),
    Known("inventec", "Inventec", "company", ("英业达",)),
    Known("pegatron", "Pegatron", "company", ("和硕",)),
    Known("gigabyte", "Gigabyte", "company", ("技嘉",)),
    Known("asus", "ASUS", "company", ("华硕",)),
    Known("nomura", "Nomura", "company", ("野村证券", "野村")),
    Known("inspur", "Inspur", "company", ("浪潮信息",)),
    Known("lenovo", "Lenovo", "company", ("联想集团",)),
    Known("h3c", "H3C", "company", ("新华三", "新华三集团")),
    Known("zte", "ZTE", "company", ("中兴通讯",)),  # not 中兴, in 浪潮中兴起
    Known("xfusion", "xFusion", "company", ("超聚变",)),
    Known("nettrix", "Nettrix", "company", ("宁畅",)),
    Known("sugon", "Sugon", "company", ("中科曙光",)),  # not 曙光, "dawn"
    Known("ruijie", "Ruijie Networks", "company", ("锐捷网络",)),
    Known("fiberhome", "FiberHome", "company", ("烽火通信",)),
    Known("celestica", "Celestica", "company"),  # not 天弘, also a fund's name
    Known("jabil", "Jabil", "company", ("捷普科技",)),  # not 捷普, in 便捷普及
    Known("delta-electronics", "Delta Electronics", "company", ("台达电",)),  # not 平台达到
    Known("vertiv", "Vertiv", "company", ("维谛技术", "维谛")),
    Known("fujitsu", "Fujitsu", "company", ("富士通",)),
    # clouds, AI companies and buyers
    Known("oracle", "Oracle", "company", ("甲骨文", "Oracle Cloud")),
    Known("coreweave", "CoreWeave", "company"),
    Known("alphabet", "Alphabet", "company", ("Alphabet Inc",)),  # Google's parent, its own books
    Known("nebius", "Nebius", "company"),
    Known("lambda", "Lambda Labs", "company"),
    Known("alibaba", "Alibaba", "company", ("阿里巴巴", "阿里云", "Alibaba Cloud", "阿里")),
    Known("volcano-engine", "Volcano Engine", "company", ("火山引擎",)),
    Known("tianyi-cloud", "China Telecom Tianyi Cloud", "company", ("天翼云", "CTyun")),
    Known("china-mobile-cloud", "China Mobile Cloud", "company", ("移动云",)),
    # the operators that build China's public AI compute (their names open with 中国,
    # which no rule reads as a name)
    Known("china-telecom", "China Telecom", "company", ("中国电信",)),
    Known("china-mobile", "China Mobile", "company", ("中国移动",)),
    Known("china-unicom", "China Unicom", "company", ("中国联通", "联通")),
    Known("kingsoft-cloud", "Kingsoft Cloud", "company", ("金山云",)),
    Known("vnet", "VNET", "company", ("世纪互联集团",)),  # not in 21世纪互联网
    Known("gds", "GDS Holdings", "company", ("万国数据",)),
    Known("chindata", "Chindata", "company", ("秦淮数据",)),
    Known("ucloud", "UCloud", "company", ("优刻得",)),
    Known("equinix", "Equinix", "company"),
    Known("crusoe", "Crusoe", "company", ("Crusoe Energy",)),
    Known("kuaishou", "Kuaishou", "company", ("快手",)),
    Known("meituan", "Meituan", "company", ("美团点评", "美团公司")),  # not 中美团队
    Known("xiaomi", "Xiaomi", "company", ("小米", "小米集团")),
    Known("jd", "JD.com", "company", ("京东集团", "京东云")),  # not 北京东部
    Known("catl", "CATL", "company", ("宁德时代",)),
    Known("sensetime", "SenseTime", "company", ("商汤科技", "商汤")),
    Known("iflytek", "iFlytek", "company", ("科大讯飞",)),  # not 通讯飞速
    Known("baichuan", "Baichuan AI", "company", ("百川智能",)),
    Known("01-ai", "01.AI", "company", ("零一万物",)),
    Known("stepfun", "StepFun", "company", ("阶跃星辰",)),
    Known("tencent", "Tencent", "company", ("腾讯", "腾讯云")),
    Known("baidu", "Baidu", "company", ("百度", "百度智能云")),
    Known("bytedance", "ByteDance", "company", ("字节跳动",)),  # not 字节, "bytes"
    Known("deepseek", "DeepSeek", "company", ("深度求索",)),
    Known("zhipu", "Zhipu AI", "company", ("智谱", "智谱AI")),
    Known("moonshot", "Moonshot AI", "company", ("月之暗面",)),
    Known("minimax", "MiniMax", "company", ("稀宇科技",)),
    # the models and apps whose compute is news of its own, by names no other word holds
    Known("doubao", "Doubao", "model", ("豆包", "豆包大模型"), "bytedance"),
    Known("qwen", "Qwen", "model", ("通义千问",), "alibaba"),
    Known("ernie", "ERNIE", "model", ("文心一言", "文心大模型"), "baidu"),
    Known("hunyuan", "Hunyuan", "model", ("腾讯混元", "混元大模型"), "tencent"),
    Known("pangu", "Pangu", "model", ("盘古大模型",), "huawei"),
    Known("kling", "Kling", "model", ("可灵大模型",), "kuaishou"),
    Known("kimi", "Kimi", "model", (), "moonshot"),
    Known("douyin", "Douyin", "product", ("抖音",), "bytedance"),
    Known("tiktok", "TikTok", "product", (), "bytedance"),
    Known("mistral", "Mistral AI", "company", ("Mistral",)),
    Known("ibm", "IBM", "company"),
    Known("tesla", "Tesla", "company", ("特斯拉",)),
    Known("etched", "Etched", "company"),
    Known("rebellions", "Rebellions", "company"),
    Known("furiosaai", "FuriosaAI", "company", ("Furiosa",)),
    Known("preferred-networks", "Preferred Networks", "company"),
    Known("softbank", "SoftBank", "company", ("软银",)),
    # analysts, banks and the press
    Known("morgan-stanley", "Morgan Stanley", "company", ("摩根士丹利", "大摩")),
    Known("goldman-sachs", "Goldman Sachs", "company", ("高盛",)),
    Known("jpmorgan", "JPMorgan", "company", ("摩根大通", "J.P. Morgan", "小摩")),
    Known("citi", "Citi", "company", ("花旗", "Citigroup")),
    Known("bank-of-america", "Bank of America", "company", ("美国银行", "美银")),
    Known("jefferies", "Jefferies", "company", ("杰富瑞",)),
    Known("trendforce", "TrendForce", "company", ("集邦咨询", "集邦科技", "集邦")),
    # not IDC alone: an internet data centre in Chinese trade prose (新建IDC机房)
    Known("idc", "International Data Corporation", "company", ("国际数据公司",)),
    Known("gartner", "Gartner", "company", ("高德纳",)),
    Known("counterpoint", "Counterpoint Research", "company", ("Counterpoint",)),
    Known("omdia", "Omdia", "company"),
    Known("semianalysis", "SemiAnalysis", "company"),
    Known("techinsights", "TechInsights", "company"),
    Known("bloomberg", "Bloomberg", "company", ("彭博", "彭博社")),
    Known("wsj", "The Wall Street Journal", "company", ("华尔街日报", "Wall Street Journal")),
    Known("financial-times", "Financial Times", "company", ("金融时报",)),
    Known("nikkei", "Nikkei", "company", ("日经", "日经亚洲")),
    Known("digitimes", "DigiTimes", "company", ("电子时报",)),
    Known(
        "us-commerce",
        "U.S. Department of Commerce",
        "government",
        (
            "美国商务部",
            "Commerce Department",
            "US Commerce Department",
        ),
    ),  # fmt: skip
    Known(
        "us-bis",
        "Bureau of Industry and Security",
        "government",
        # not BIS alone: also the Bank for International Settlements
        ("美国商务部工业与安全局", "工业与安全局", "工业和安全局"),
    ),
    Known("miit", "MIIT", "government", ("工业和信息化部", "工信部")),
    Known("ndrc", "NDRC", "government", ("国家发展改革委", "国家发改委", "发改委")),
    # Taiwan's council of science, and its national computing centre: an organisation
    # that builds and runs supercomputers, so of the kind that makes things (company)
    Known("nstc", "NSTC", "government", ("国科会", "国家科学及技术委员会")),
    Known("nchc", "NCHC", "company", ("国网中心", "国家高速网络与计算中心")),
    # product lines the store may lack
    Known("ascend", "Ascend", "chip", ("昇腾",), "huawei"),
    Known("blackwell", "Blackwell", "chip", ("布莱克韦尔",), "nvidia"),
    Known("gaudi", "Gaudi", "chip", (), "intel"),
    Known("xeon", "Xeon", "chip", ("至强",), "intel"),
    Known("axion", "Axion", "chip", (), "google"),
    Known("graviton", "Graviton", "chip", (), "amazon"),
    Known("cobalt-100", "Cobalt 100", "chip", ("Azure Cobalt",), "microsoft"),
    Known("tomahawk", "Tomahawk", "chip", (), "broadcom"),
    Known("infiniband", "InfiniBand", "product", (), "nvidia"),
    Known("nvlink", "NVLink", "product", (), "nvidia"),
    Known("spectrum-x", "Spectrum-X", "product", (), "nvidia"),
    # the memory whose market, prices and supply are news of their own (not HBM3E, a
    # generation, which stays a standard)
    Known("hbm", "HBM", "product", ("High Bandwidth Memory",)),
    # packaging whose capacity, prices and customers are news of their own
    Known("cowos", "CoWoS", "product", (), "tsmc"),
    Known("soic", "SoIC", "product", (), "tsmc"),
    Known("dojo", "Dojo", "cluster", (), "tesla"),
    Known("colossus", "Colossus", "cluster", (), "xai"),
    Known("stargate", "Stargate", "project", ("星际之门",), "openai"),
)

# Names only Taiwan's and Hong Kong's press uses, read in an article written in
# Traditional characters alone: there 超微 is AMD (and 美超微 Supermicro), while on the
# mainland 超微 may be Supermicro (约5千套超微（Supermicro）机柜) or a word (超微型).
TRADITIONAL_ONLY: tuple[Known, ...] = (Known("amd", "AMD", "company", ("超微",)),)
# Those names as the start of a word (超微型晶片, "an ultra-small chip"; 超微距鏡頭, a macro
# lens; 超微间距, "ultra-fine pitch"), in the folded text: an article that writes one uses
# the name as a word, no company's.
NAMES_AS_WORDS = re.compile(r"超微[型距米细小粒量间结波]")
