"""Court policies a timeline may name (see the spec's "Policies"); the national rules always apply."""

#: policy name -> (court code, the seed it comes from)
POLICIES: dict[str, tuple[str, str]] = {
    "huadu-2022": ("粤0114", "seed 000: 花都法院《主动履行证明书》"),
    "conghua-2022": ("粤0117", "seed 003: 从化法院全面督促自动履行工作机制"),
    "ningbo-2019": ("浙02", "seed 001: 宁波法院自动履行正向激励与信用修复机制"),
}
POLICY_NAMES: tuple[str, ...] = tuple(POLICIES)
