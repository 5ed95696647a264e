"""Micro-grants and Trust Fund calls: calls for proposals, applications by organisations, review and awards."""
