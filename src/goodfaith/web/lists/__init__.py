"""The lists (失信被执行人名单, 限制消费, 限制出境, 诚信履行名单) as derived, published records."""
