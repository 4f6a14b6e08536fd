"""Hand-written specs of the held-out reports: the values a person reads in each report.

Written by someone who has not read the extractor or the checker (only README.md, the JSON Schema,
`cchc rules` and the sample report). Each spec is one report: its unit, year, header, overall score
and rank, the ten criteria as printed ("score" strings with a decimal comma), its format and
layout, the quantities it states in prose, and the inconsistencies planted in it (``plants``).

Maxima: three frameworks summing to 100 (none registered in cchc for these provinces and years,
so ``max_mismatch`` is never expected). ``scores`` lists the ten criterion scores as printed.
The overall total is printed as the sum of the criteria unless a ``total`` plant says otherwise.

Plants (what is wrong in the document, and the finding kind a reviewer expects):
  ("pct", c, "88,50")          criterion c's percent printed wrong          -> percent_mismatch
  ("pct_overall", "86,54")     overall percent printed wrong                -> percent_mismatch
  ("total", "86,95")           overall score is not the sum of the criteria -> total_mismatch
  ("pct_qty", "98,9")          records resolved on time: a/b printed with a wrong percent -> percent_mismatch
  ("conflict_records", n)      records resolved in the year stated again later with total n -> conflicting_values
  ("conflict_staff", n)        the commune's cadres and civil servants stated again with total n -> conflicting_values
  ("full_lost", c)             an indicator of c listed among full-score ones while it lost points -> status_contradiction
  ("both", c)                  an indicator of c listed among full-score ones and among those not achieved -> status_contradiction
  ("year_closing", y)          the closing names year y instead of the report year -> year_mismatch
  ("year_heading", y)          the results heading ("I. KẾT QUẢ … NĂM y") names year y -> year_mismatch
  ("year_title", y)            the title, in capitals, names year y; the body the report's year -> year_mismatch (round 5)
  ("year_overall", y)          the overall statement ("Năm y, UBND xã … đạt …/100 điểm") names year y; the title, the
                               headings and the closing the report's year -> year_mismatch (round 9)
  ("rank_oor", "overall"|c, "25/23")  a rank beyond its total                 -> rank_out_of_range
  ("above_max", c, "6,5")      criterion c scored above its maximum           -> score_above_max (CCHC115, added to
                               the contract at 14:40; before it, percent_mismatch or max_mismatch were accepted)
  ("gap", c, printed)          criterion c's heading printed with number `printed` -> numbering_gap
  ("date_ref", "dd/mm/yyyy")   a referenced decision dated after the report   -> date_inconsistency
  ("bad_date", "31/4/2023")    a referenced decision with an impossible date  -> date_inconsistency
  ("malformed", c, "7,25/,8")  criterion c's score printed with a stray separator -> malformed_number
  ("missing", c)               criterion c left out of the report            -> missing_criterion (total_mismatch also true)
  ("deduction", c, "0,5")      an indicator of c printed 0,5 higher, so the lost points listed do not make up the
                               criterion's                                   -> deduction_mismatch
  ("annex_score", c, "18,5")   the "Phụ lục" after the signature prints criterion c with another score than the
                               body (and that score's percent; the annex's total kept) -> conflicting_values (round 7;
                               the annex's criteria then miss its total: a total_mismatch there is in also_true)
  ("restate", c, "18,5")       the summary paragraph before the sections prints criterion c with another score than
                               its section (the section's is the truth) -> conflicting_values (round 10; the summary's
                               score against the section's percent and the summary's sum against the total are in
                               also_true)

Tricky clean cases (``tricky``), each a thing that looks wrong and is not:
  "round_7799"    a criterion printed x/y with a percent within the rounding of x (8,97/11,5 = 77,99%)
  "round_double"  a ratio 1.183/1.186 = 99,747% printed 99,8% (rounded to 99,75 first, then to one decimal)
  "received_resolved"  records received and records resolved: two totals of two populations
  "staff_cadres"  cán bộ and công chức counted apart
  "online_all"    records resolved online out of all records, then online records on time
  "last_year"     this year's records beside last year's
  "field_subset"  one field's records (Tư pháp - Hộ tịch) and the one-stop office's 5 civil servants, parts of
                  the commune's totals
  "three_decimals"  scores with three decimals ("7,452/8"), the total's percent printed with two
  "dot_decimal"   criterion scores typed with a decimal point ("13.5/15 điểm")
  "self_assessed" the commune's own score ("tự đánh giá, chấm điểm đạt 91,25 điểm") before the district's
                  (the result, "công nhận đạt 87,50/100 điểm"): two overall scores, of two assessments
  "one_decimal"   criterion percents printed with one decimal ("17,75/20 điểm, tỷ lệ 88,8%")
  "self_column"   a criteria table with the commune's self-assessed score beside the appraised one (round 6)
  round 7: "group_rows" (merged "I. Nhóm chỉ số …" rows between the criteria), "remarks" (a "Ghi chú" column:
  "Bị trừ 1,25 điểm; 19/20 CBCC đạt chuẩn", "1.848/1.851 hồ sơ đúng hạn"), "annex_same" (a "Phụ lục" repeating the
  table, consistent), "prev_year" (last year's score and rank: "năm 2022 đạt 86,15 điểm, xếp thứ 6"), "bullets"
  ("- Có 02/10 lĩnh vực đạt điểm tối đa;"), "dot_pct" ("87.50%"), "two_places" ("12,70/15,00")
Round 4 also states records as "tiếp nhận …: 1.863 hồ sơ; đã giải quyết 1.850 hồ sơ, trong đó giải quyết
đúng hạn 1.842 hồ sơ, đạt …%" (the percent is of the records resolved, ``qty_words="alt"``), online records
as "1.210 hồ sơ trên tổng số 1.850 hồ sơ TTHC đã giải quyết" and staff as "có 20 cán bộ, công chức, trong đó
19 người đạt chuẩn" / "1 trên tổng số 20 cán bộ, công chức chưa đạt chuẩn".

Round 5 keys: layout prose_i ("PHẦN II", criteria "I." … "X.", long titles wrapped, ``score_form`` "tren" = "Đạt
12,7 điểm trên tổng số 15 điểm" or "toida" = "Điểm đạt: 12,7 điểm (tối đa 15 điểm)") | prose_j (labelled lines
"- Điểm tối đa: 15 điểm; điểm đạt: 12,7 điểm; tỷ lệ: …"); ``table_cols`` "score_first" | "roman";
``table_split`` (two tables, a page break between, the header repeated); overall_style pct_first (the percent
alone, the points under the assessment) | toan_huyen; rank_style hang ("xếp hạng 5/19") | toan_huyen ("đứng thứ 2
toàn huyện (19 đơn vị)"); ``change_style`` padded ("tăng 03 bậc") | truoc ("so với năm trước tăng 2 bậc");
crit_rank_style hang; ``qty_table`` (records in a table); ``date_words`` ("ngày 05 tháng 01 năm 2024").
Round 6 keys: layout prose_k ("Lĩnh vực thứ nhất: …", "Số điểm đạt được: 12,75 điểm/15 điểm, đạt 85,00% số
điểm") | prose_l ("Điểm tối đa 15 điểm, bị trừ 2,25 điểm, còn lại 12,75 điểm (85,00%).") | table_self (columns
"Điểm tự đánh giá" and "Điểm thẩm định") | table_tabs (a tab-separated table in a text file); overall_style
tham_dinh ("đạt 88,25 điểm trên thang điểm 100, …") | tuong_ung ("đạt 90,25% (tương ứng 90,25/100 điểm)");
rank_style trong_so ("xếp thứ 3 trong số 20 xã, thị trấn") | thu_hang ("đạt thứ hạng 4/11"); change_style was
("(năm 2022 xếp thứ 5)": the change left to the reader) | words ("tăng hai bậc", "hạ một bậc"); crit_rank_style
thu_hang; ``date_style`` plain ("ngày 5 tháng 1 năm 2024", "5/1/2024") | dash ("05-01-2024");
``number_printed`` ("09 /BC-UBND"); qty_words r6 (received split by channel, "đúng và trước hạn"); list_words r6
and ``item_style`` r6 ("+ 1.3. Kiểm tra công tác CCHC: …").
Round 7 keys (each off unless set, so earlier documents are unchanged): ``table_groups`` (layout table: a 6-column
table "TT | Lĩnh vực, tiêu chí | Điểm tối đa | Điểm đạt | Tỷ lệ (%) | Ghi chú" with merged group rows I … V and the
points lost in the remarks), ``annex`` (a page break, "PHỤ LỤC", the criteria table again; tab-separated in a .txt),
``prev_score`` ("So với năm 2022 (năm 2022 đạt 86,15 điểm, xếp thứ 6), Chỉ số CCHC năm 2023 của phường tăng 2,85
điểm."; last year's rank is this year's plus the change), ``bullets`` (counts over the criteria under "Ưu điểm"),
``pct_dot`` (criterion percents "87.50"), ``two_places`` (scores and maxima "12,70/15,00"), ``sections_abc`` (the
section headings "A." … "D." for "I." … "IV."), ``recipient_counts`` ("- UBND thành phố (02 bản);"), ``titles``
abbreviated ("CCTTHC", "CC chế độ công vụ").
Round 8 keys (each off unless set): ``unnumbered`` (prose_a: criteria named by their title only, "Về cải cách thể
chế: 5,5/6 điểm, …"), ``pct_words`` (prose_a: "đạt 88,46 phần trăm số điểm"), ``pct_space`` (prose_b, prose_c,
prose_f: "tỷ lệ 92,31 %"), overall_style closing_total (the rank and class with the results, the total only in the
closing paragraph: "Tổng hợp kết quả, Chỉ số CCHC năm 2021 của thị trấn đạt 87,60/100 điểm, tỷ lệ 87,60%."),
rank_style vi_tri_thu ("xếp vị trí thứ 7 trên tổng số 17 xã, thị trấn"), ``footnote`` ("(1) Số liệu trích xuất từ
…, tính đến hết ngày 15/12/2023." under criterion 3), ``running_header`` (PDF and its conversions: "UBND XÃ … -
Báo cáo kết quả CCHC năm 2023" at the top and "Trang n" at the foot of every page), tricky "half_year" ("Riêng 6
tháng đầu năm 2024, … đúng hạn 1.167/1.169 hồ sơ": another period, another total) and "village" (``village``: one
village's online records, "Tại buôn Ea Kmar, … 136/137 hồ sơ của buôn Ea Kmar …": a part of the commune's);
``plausible_changes`` (set on every round 8 spec: a criterion's random change in rank is turned round when it would put
last year's rank at 0 or below, "Xếp thứ 1/17 …, giảm 3 bậc"; seven such remain in rounds 1-7, kept as written).
Round 9 keys (each off unless set): layout prose_m ("Thứ nhất, về …: đạt 10,5/12 điểm, tỷ lệ 87,50%." as a plain
paragraph, the component lists under it) | prose_n ("1. Title", then "Tổng điểm tiêu chí này là 12,5. Điểm tối đa là
15 điểm, tỷ lệ đạt 83,33%." or "Điểm chuẩn: 15 điểm; điểm đạt: 12,5 điểm; tỷ lệ 83,33%.") | prose_o (the ten criteria in
two run-on sentences of one paragraph, "… cải cách thể chế đạt 5,5/6 điểm (91,67%), xếp thứ 3/15; … và …", then the
component lists under unnumbered "+ Lĩnh vực …:" headings); ``score_d`` ("16,75đ/19đ"); ``pct_places`` 0 (whole
percents, rounded half up as a spreadsheet does: 10,5/12 prints 88%); ``self_prose`` (prose_n: "(Điểm xã tự đánh giá:
11 điểm.)" after the appraised score); ``two_year`` (layout table: "Điểm tối đa | Năm 2022 | Năm 2023 | Tỷ lệ năm 2023
(%)", the report's year is the one to read); ``indicator_table`` (a criterion's indicators as a table "Mã chỉ số | Nội
dung | Điểm tối đa | Điểm đạt" instead of lists: nothing is listed as full or not, the truth holds the scores);
rank_style trong_xa ("trong 33 xã, thị trấn của huyện, xã đứng thứ 4"); tricky "quarter" ("Riêng quý IV năm 2021, …
đúng hạn 787/790 hồ sơ": another period, another total), "two_year", "self_prose"; Hồ Chí Minh city ("thành phố Hồ
Chí Minh" in the decision's phrase).
Round 10 keys (each off unless set): layout prose_p (criteria as bullet lines, "• TITLE IN CAPITALS: đạt 12,5/15 điểm
(83,33%). Hạng 4/20.", ``bullet`` "•" or "–") | table_end (the sections without scores, the criteria's scores only in a
table after the tasks, "IV. BẢNG TỔNG HỢP ĐIỂM …"); ``two_row_header`` (a criteria table whose header spans two rows:
"STT | Lĩnh vực, tiêu chí | Điểm (Tối đa | Đạt) | Tỷ lệ đạt (%)", cells merged); ``restate`` (a summary paragraph
"Tóm tắt điểm từng lĩnh vực: (1) …: 12,5/15 điểm; …" before the detailed sections; consistent, or a ``restate`` plant);
rank_style hang_bare ("đạt hạng 4/18"); ``typo_scores`` (those criteria's scores typed "10,5/12điêm", no space and no
tone mark), ``typo_rank`` ("Xêp thứ 3/16"); ``words_parens`` (staff "hai mươi mốt (21) cán bộ, công chức; trong đó
mười chín (19) người đạt chuẩn"); ``revises`` (a revised report: "Báo cáo này thay thế Báo cáo số 05/BC-UBND ngày
12/01/2024 …") and ``duplicate_of`` (the set holds two reports of that commune and year: duplicate_report is in
also_true for both); thị trấn of mountain districts (Mèo Vạc, Mường Xén, Mai Châu, Mường Khương, Bảo Lạc).
"""

# ruff: noqa: C408  (each spec is a dict(...) call: it reads as a form, one field = value per entry)
from __future__ import annotations

MAXIMA: dict[str, list[str]] = {
    "M1": ["15", "5", "18,5", "6", "11", "7", "11,5", "2", "14", "10"],
    "M2": ["12", "6", "20", "7", "10", "6", "13", "4", "10", "12"],
    "M3": ["10", "8", "22", "6", "12", "6", "12", "4", "8", "12"],
    # round 5: two more provinces' frameworks
    "M4": ["14", "6", "20", "6", "10", "6", "12", "3", "11", "12"],
    "M5": ["13", "5", "19", "6", "12", "7", "12", "4", "10", "12"],
    # round 6: one more
    "M6": ["12", "5", "21", "6", "12", "6", "12", "4", "10", "12"],
    # round 7: one more
    "M7": ["12", "5", "20", "6", "11", "6", "13", "3", "12", "12"],
    # round 8: one more
    "M8": ["13", "6", "20", "6", "11", "6", "12", "3", "11", "12"],
    # round 9: one more
    "M9": ["12", "6", "19", "6", "11", "7", "12", "3", "12", "12"],
    # round 10: one more
    "M10": ["13", "6", "19", "7", "11", "6", "12", "4", "10", "12"],
}

# fmt: txt | docx | docx_autonum | pdf | conv_soffice (LibreOffice PDF import, a text frame per line)
#      | conv_lines (a paragraph per printed line) | conv_flow (paragraphs broken mid-sentence)
# layout: prose_a (sample-like "1. Về ...: x/y điểm, đạt tỷ lệ p%") | prose_b ("Tiêu chí 1: ...")
#      | prose_c ("PHẦN I", criteria under roman numerals, titles in capitals) | prose_d ("1)" and odd spacing)
#      | prose_e ("1. TITLE IN CAPITALS (13,5/15 ĐIỂM)", or "Bị mất 1,5/15 điểm": the points lost)
#      | table (a ruled criteria table, then prose on each criterion) | table_only (table, prose without scores)
#      | table_text (the table as aligned text columns)
#      | prose_f ("Lĩnh vực 1: …", then "Điểm đạt: x/y điểm; tỷ lệ: p%") | prose_g ("1/ Công tác …: đạt x/y điểm, tỷ lệ p%")
#      | prose_h (criteria lettered "a) … đ) … k)" as Vietnamese texts letter them)
# round 4 keys: overall_style points_of | self_assessed (self_assessed="91,25") | sentences; rank_style dung_thu
#      ("đứng thứ 7/21") | vi_tri ("xếp vị trí 3 trên 18 đơn vị"); crit_rank_style the same for criteria;
#      list_words alt2; list_style (force the component lists' numbering); pct_places; qty_words alt
# tab_header: a DOCX whose header is typed as lines "ỦY BAN NHÂN DÂN<tab>CỘNG HÒA …", not a table
# Reports written after the first figures were published (14:00, commit a137137), with layouts the
# first 44 did not have: until their causes are fixed from them too, they are the part of the set that
# nobody has tuned against. Later edits to earlier reports (tab_header, field_subset, digits_of) are listed
# in the git log of this folder.
ADDED_AFTER_FIRST_RESULTS = {"ninh-hiep-2023", "dong-phong-2022", "kien-thanh-2024", "hai-tan-2023", "tam-hung-2021",
                             "yen-phu-2022", "phu-luong-2023", "tan-lap-2022", "quang-phu-2024", "an-khanh-2022"}

# The third round, written after the figures on main 9da0450 (14:45) were published, with forms none of
# the earlier reports had (UTF-16 text, labelled overall fields, "Hiện đại hóa hành chính" as criterion 7's
# older name, other component-list wordings).
ADDED_AFTER_9DA0450 = {"phu-thinh-2020", "dong-lam-2023", "thuy-son-2022", "nam-tien-2024", "hong-thai-2021",
                       "tien-du-2023"}
# The fourth round, written at 15:30 by an examiner who had read neither the code nor any figures since:
# criteria headed "Lĩnh vực 1:", "1/ …" and "a) … đ) …", overall "đạt 86,25 điểm/100 điểm", a commune's
# self-assessed score before the district's, ranks "đứng thứ 7/21" and "xếp vị trí 3 trên 18 đơn vị",
# component lists "Các chỉ số đạt điểm tối đa gồm:" / "Các chỉ số bị trừ điểm:", percents with one decimal,
# records and staff in other words ("tiếp nhận …; đã giải quyết …, trong đó …", "… trên tổng số …").
ROUND_4 = {"nghia-tru-2023", "cam-linh-2022", "ha-mo-2024", "hoa-son-2021", "xuan-lai-2023", "nghia-dan-2022",
           "my-thuan-2024", "thach-loi-2023", "kim-lien-2022", "dong-son-2021", "an-lac-2024", "vinh-hung-2023"}
# The fifth round, written at 16:15 by an examiner who had read neither the code nor the figures since round 4:
# criteria under "PHẦN II" numbered I … X with titles wrapped onto a second line and scores in words ("đạt 12,7
# điểm trên tổng số 15 điểm", "12,7 điểm (tối đa 15 điểm), tỷ lệ 84,7 %"), labelled lines with the maximum
# first ("- Điểm tối đa: 15 điểm; điểm đạt: 12,7 điểm; tỷ lệ: …"), criteria tables with the score before the
# maximum, numbered I … X, or split over two pages with the header repeated; the overall percent stated
# alone ("Chỉ số CCHC năm 2023 của xã đạt 85,12%") with the points further on; ranks "xếp hạng 5/19",
# "đứng thứ 2 toàn huyện (19 đơn vị)"; changes "tăng 03 bậc", "so với năm trước tăng 2 bậc"; records in a
# table; referenced dates in words; a title in capitals naming the wrong year; two more frameworks.
ROUND_5 = {"phuong-lieu-2023", "hoang-hoa-2022", "hung-son-2024", "phuong-dong-2023", "kha-son-2022",
           "thuong-loc-2023", "khanh-hoa-2021", "luong-son-2024", "dong-van-2022", "doan-bai-2023",
           "hong-thai-tay-2024", "thai-hoc-2021", "dien-ky-2022", "hoang-dao-2023", "lam-2024", "tong-phan-2023"}
# The sixth round, written after round 5 was measured (16:19) and NOT measured by the examiner: the lead
# measures it once, at the end, as the unseen figure. Criteria headed "Lĩnh vực thứ nhất: …" with "Số điểm đạt
# được: 12,75 điểm/15 điểm, đạt 85,00% số điểm", or stated by the points lost ("Điểm tối đa 15 điểm, bị trừ 2,25
# điểm, còn lại 12,75 điểm (85,00%)"); a criteria table with the commune's self-assessed score beside the
# appraised one; a criteria table pasted with tabs into a UTF-16 text; overall "đạt 88,25 điểm trên thang điểm
# 100, …, xếp thứ 3 trong số 20 xã, thị trấn (năm 2022 xếp thứ 5)" and "đạt 90,25% (tương ứng 90,25/100
# điểm), đạt thứ hạng 4/11, tăng một bậc"; dates "ngày 5 tháng 1 năm 2024", "5/1/2024", "05-01-2024", an
# impossible 29/02/2023; "Số: 09 /BC-UBND"; records "đúng và trước hạn" with the received split by channel;
# indicators "+ 1.3. Kiểm tra công tác CCHC: …"; southern and central provinces; one more framework (M6).
ROUND_6 = {"tan-my-2023", "tan-hanh-2022", "cai-khe-2024", "dau-tieng-2023", "hoa-phong-2021", "dien-an-2022",
           "nhon-hau-2023", "ea-tu-2024", "long-hau-2022", "phuoc-hung-2023", "my-hoa-hung-2021", "chau-thanh-2024",
           "quang-thanh-2022", "gio-quang-2023", "vinh-thanh-2024", "tam-phuoc-2020"}
# The seventh round, written after round 6 and NOT measured by the examiner (the lead measures it once, at the end):
# criteria tables with merged group rows ("I. Nhóm chỉ số …") and a "Ghi chú" column holding the points lost and
# counts; a "Phụ lục" after the signature repeating the criteria table (consistent, or with one score the body does
# not have); last year's score and rank beside this year's; strengths as counts over the criteria ("07/10 lĩnh vực");
# percents with a dot decimal ("87.50%"); scores with two places ("12,70/15,00"); sections "A. … B. …"; abbreviated
# criterion titles ("CCTTHC"); recipients with copy counts; sixteen provinces not in rounds 1-6; one more framework.
ROUND_7 = {"cam-duong-2023", "tan-thinh-2022", "y-la-2024", "chieng-coi-2021", "hoang-dong-2023", "de-tham-2022",
           "thanh-xuong-2024", "loc-ninh-2020", "nghia-ky-2023", "lat-2022", "ia-kring-2024", "hao-duoc-2021",
           "my-phong-2022", "tan-ngai-2023", "giong-rieng-2025", "ly-van-lam-2022"}
# The eighth round, written at 18:55 after round 7 was measured and fixed, and NOT measured by the examiner (the
# lead measures it once): criteria named by their title only ("- Về công tác …: 11,5/13 điểm, đạt 88,46 phần trăm
# số điểm"), percents "tỷ lệ 92,50 %", the overall total stated only in the closing paragraph, ranks "xếp vị trí
# thứ 7 trên tổng số 21 xã, thị trấn", the first six months' records beside the year's, one village's records
# beside the commune's, a footnote with a date, a PDF with the unit's name at the top and "Trang n" at the foot of
# every page, units and districts with apostrophes, hyphens and a digit ("Ea H'đinh", "Cư M'gar", "Ia H'Drai",
# "Phan Rang - Tháp Chàm", "Đại Ân 2"), sixteen provinces not in rounds 1-7 but Đắk Lắk's, one more framework.
ROUND_8 = {"ea-hdinh-2023", "ia-toi-2022", "do-vinh-2024", "phan-ri-cua-2021", "hoa-xuan-tay-2020", "hoa-luu-2022",
           "dai-an-2-2023", "chau-hung-2024", "long-duc-2021", "my-phu-2023", "phuong-thien-2022", "duc-xuan-2024",
           "ban-giang-2020", "tan-khai-2025", "ninh-xuan-2022", "nghia-duc-2023"}
# The ninth round, written at 19:15 after round 8 was measured, and NOT measured by the examiner (the lead measures it
# once): criteria as "Thứ nhất, về …: đạt 16,75đ/19đ, tỷ lệ 88%." paragraphs; a criterion's score over two sentences
# ("Tổng điểm tiêu chí này là 12,5. Điểm tối đa là 15 điểm, …") or "Điểm chuẩn: 15 điểm; điểm đạt: 12,5 điểm", with
# the commune's self-assessed score after it; every criterion in two run-on sentences of one paragraph, the component
# lists under unnumbered titles; a criteria table with last year's and this year's scores side by side; percents
# rounded to whole numbers; "trong 33 xã, thị trấn của huyện, xã đứng thứ 4"; the fourth quarter's records beside the
# year's; the overall statement naming another year than the rest (planted); Hồ Chí Minh city; one more framework.
ROUND_9 = {"thai-my-2023", "quynh-luong-2021", "long-hoa-2022", "phu-thuong-2024", "cam-quan-2020", "hai-ba-2022",
           "ngoc-lac-2023", "bac-son-2024", "dak-mar-2021", "vinh-loc-a-2023", "tan-tru-2022", "luong-hoa-2024",
           "tan-phu-2025", "yen-trung-2022", "binh-thanh-2024", "ia-blang-2020"}
# The tenth round, written at 20:30 after round 9 was measured, and NOT measured by the examiner (the lead measures it
# once): criteria as bullet lines with titles in capitals and "Hạng 4/20"; a criteria table whose header spans two
# rows; the criteria's scores only in a summary table at the end; a summary paragraph restating every criterion's
# score before the detailed sections (consistent, or not); a clerk's typos ("10,5/12điêm", "Xêp thứ"); counts in
# words with the digits in brackets; a revised report beside the first version of the same commune and year;
# thị trấn of mountain districts; one more framework.
ROUND_10 = {"meo-vac-2023", "muong-xen-2022", "mai-chau-2024", "xuan-hoa-2021", "an-thuong-2023", "hop-thanh-2022",
            "trung-hoa-2024", "thach-da-2022", "nghia-thang-2023", "tan-binh-2021", "tien-phuong-2023",
            "tien-phuong-2023-bs", "muong-khuong-2025", "ta-xua-2020", "vinh-thinh-2021", "bao-lac-2022"}
SUBSETS = {"added after the first figures (14:00)": ADDED_AFTER_FIRST_RESULTS,
           "added after the figures on 9da0450 (14:45)": ADDED_AFTER_9DA0450,
           "round 4 (15:30, unseen)": ROUND_4,
           "round 5 (16:15, unseen)": ROUND_5,
           "round 6 (16:25, unseen: for the lead's final measurement)": ROUND_6,
           "round 7 (17:25, unseen: for the lead's final measurement)": ROUND_7,
           "round 8 (18:55, unseen: for the lead's measurement)": ROUND_8,
           "round 9 (20:20, unseen: for the lead's measurement)": ROUND_9,
           "round 10 (20:30, unseen: for the lead's measurement)": ROUND_10}
ROUNDS: dict[int, set[str]] = {4: ROUND_4, 5: ROUND_5, 6: ROUND_6, 7: ROUND_7, 8: ROUND_8, 9: ROUND_9,
                               10: ROUND_10}  # evaluate.py --round N

SPECS: list[dict] = [
    dict(name="an-son-2023", fmt="txt", layout="prose_a", unit="An Sơn", level="xã", district="Nam Sách",
         province="Hải Dương", year=2023, date="2024-01-15", number="08/BC-UBND", signer="Phạm Văn Tùng",
         maxima="M1", scores="13,5 5 16,7 6 9,5 6,5 10,25 1,5 11,2 9,1", rank="3/23", rank_style="digits",
         change="+2", classification="Tốt", records=(2415, 2398, 2391, 1530, 1528), staff=(21, 19),
         plants=[("pct", 3, "92,27")], tricky=["received_resolved"]),
    dict(name="tan-hung-2022", fmt="txt", layout="prose_b", unit="Tân Hưng", level="xã", district="Tiên Lữ",
         province="Hưng Yên", year=2022, date="2023-02-20", number="15/BC-UBND", signer="Nguyễn Thị Hoa",
         maxima="M2", scores="10,5 6 17,25 7 8,5 5 11,5 3 8,4 10,2", rank="ba/17", rank_style="words",
         change="=", classification="Khá", records=(1870, 1850, 1846, 990, 990), staff=(20, 18),
         plants=[], tricky=["staff_cadres", "round_double", "field_subset"]),
    dict(name="hong-phong-2021", fmt="txt", layout="prose_c", unit="Hồng Phong", level="xã", district="Vũ Thư",
         province="Thái Bình", year=2021, date="2022-01-10", number="03/BC-UBND", signer="Trần Văn Khải",
         maxima="M3", scores="9 7,5 19,4 6 10,25 5,5 10 3,5 6,8 11,1", rank="1/30", rank_style="first",
         change="+3", classification="Xuất sắc", records=(3120, 3102, 3098, 1210, 1209), staff=(22, 21),
         plants=[("total", "89,95"), ("conflict_staff", 24)], tricky=[]),
    dict(name="yen-lac-2023", fmt="txt", layout="prose_d", unit="Yên Lạc", level="thị trấn", district="Yên Định",
         province="Thanh Hóa", year=2023, date="2024-01-08", number="05/BC-UBND", signer="Lê Đình Nam",
         maxima="M1", scores="14 5 17,5 6 10 7 10,5 2 12,6 9,3", rank="2/29", rank_style="digits",
         change="from:6", classification="Tốt", records=(4210, 4188, 4180, 3012, 3010), staff=(23, 22),
         plants=[("full_lost", 1), ("year_closing", 2024)], tricky=["online_all"]),
    dict(name="quang-trung-2022", fmt="txt", layout="prose_a", unit="Quang Trung", level="phường",
         district="thành phố Hưng Yên", province="Hưng Yên", year=2022, date="2023-03-02", number="21/BC-UBND",
         signer="Vũ Thị Lan", maxima="M1", scores="12,8 5 15,6 6 8,8 6,25 8,97 1,3 10,5 9,6", rank="19/19",
         rank_style="last", change="-3", classification="Trung bình", records=(1560, 1540, 1525, 800, 798),
         staff=(19, 17), plants=[("conflict_records", 1612)], tricky=["round_7799"]),
    dict(name="phu-xuyen-2020", fmt="txt", layout="prose_b", unit="Phú Xuyên", level="xã", district="Thanh Liêm",
         province="Hà Nam", year=2020, date="2021-01-18", number="02/BC-UBND", signer="Đỗ Văn Hải",
         maxima="M2", scores="11 5,5 18 6,5 9 5,5 12 3,5 9 11", rank="4/16", rank_style="digits",
         change="-2", classification="Tốt", records=(980, 975, 970, 310, 310), staff=(18, 16),
         plants=[("pct_overall", "91,50"), ("rank_oor", 3, "21/20")], tricky=[], crit_ranks={3: "21/20", 5: "2/20"}),
    dict(name="dai-dong-2023", fmt="txt", layout="prose_c", unit="Đại Đồng", level="xã", district="Văn Lâm",
         province="Hưng Yên", year=2023, date="2024-01-25", number="11/BC-UBND", signer="Nguyễn Văn Đức",
         maxima="M3", scores="8,5 8 20,25 6 11 6 11 3 7,452 10,875", rank="5/11", rank_style="digits",
         change="=", classification="Tốt", records=(2650, 2631, 2630, 1705, 1705), staff=(20, 20),
         plants=[], tricky=["last_year", "three_decimals"], three_decimals=True),
    dict(name="nghia-thinh-2021", fmt="txt", layout="prose_a", unit="Nghĩa Thịnh", level="xã", district="Nghĩa Hưng",
         province="Nam Định", year=2021, date="2022-02-14", number="09/BC-UBND", signer="Phạm Thị Thu",
         maxima="M1", scores="13 4,5 16 5,5 9 6,25 9,75 1,5 11 8,5", rank="7/24", rank_style="digits_of",
         change="-5", classification="Khá", records=(1430, 1422, 1401, 605, 600), staff=(20, 18),
         plants=[("pct_qty", "99,6"), ("date_ref", "12/03/2022")], tricky=[]),
    dict(name="xuan-truong-2022", fmt="txt", layout="prose_d", unit="Xuân Trường", level="thị trấn",
         district="Xuân Trường", province="Nam Định", year=2022, date="2023-01-30", number="17/BC-UBND",
         signer="Trịnh Văn Bình", maxima="M2", scores="11,5 6 19 7 9,5 6 12,25 3 9,25 11,3", rank="nhì/20",
         rank_style="words", change="+1", classification="Xuất sắc", records=(3560, 3544, 3544, 2410, 2408),
         staff=(22, 22), plants=[], tricky=["online_all", "received_resolved"]),
    dict(name="cam-phuc-2023", fmt="txt", layout="prose_b", unit="Cẩm Phúc", level="xã", district="Cẩm Giàng",
         province="Hải Dương", year=2023, date="2024-02-05", number="14/BC-UBND", signer="Lương Văn Thắng",
         maxima="M1", scores="12,5 5 14,75 6 8 6,5 9,5 1,75 10,5 8,9", rank="14/17", rank_style="digits",
         change="-4", classification="Khá", records=(1210, 1200, 1195, 500, 499), staff=(19, 16),
         plants=[("both", 3), ("missing", 4)], tricky=[]),
    dict(name="tien-phong-2024", fmt="txt", layout="prose_c", unit="Tiền Phong", level="xã", district="Ân Thi",
         province="Hưng Yên", year=2024, date="2025-01-09", number="04/BC-UBND", signer="Đào Văn Quý",
         maxima="M3", scores="9,5 7 18,5 5,5 10,5 5 10,5 3 7 10,5", rank="9/18", rank_style="digits",
         change="+2", classification="Tốt", records=(1760, 1744, 1741, 1320, 1320), staff=(21, 20),
         plants=[("malformed", 6, "5/,6"), ("pct", 9, "78,50")], tricky=[]),
    # DOCX, written with Word-like paragraphs
    dict(name="binh-minh-2023", fmt="docx", layout="prose_a", unit="Bình Minh", level="xã", district="Thanh Oai",
         province="Hà Nội", year=2023, date="2024-01-12", number="10/BC-UBND", signer="Nguyễn Quang Huy",
         maxima="M1", scores="14,25 5 17 6 10,5 6,75 10,75 1,8 12,4 9,45", rank="1/20", rank_style="first",
         change="+4", classification="Xuất sắc", records=(5120, 5100, 5098, 4012, 4011), staff=(23, 23),
         plants=[("full_lost", 7), ("conflict_records", 5180)], tricky=[]),
    dict(name="ha-phong-2022", fmt="docx", layout="prose_b", unit="Hà Phong", level="phường",
         district="thị xã Kinh Môn", province="Hải Dương", year=2022, date="2023-01-20", number="06/BC-UBND",
         signer="Bùi Thị Mai", maxima="M2", scores="10 6 16,5 6 8 5 10 3 8 10", rank="8/14",
         rank_style="digits", change="-1", classification="Khá", records=(2200, 2180, 2170, 1300, 1290),
         staff=(17, 15), plants=[], tricky=["staff_cadres"], title_only_unit=True),
    dict(name="dong-tam-2021", fmt="docx", layout="table", unit="Đông Tâm", level="xã", district="Ninh Giang",
         province="Hải Dương", year=2021, date="2022-01-28", number="07/BC-UBND", signer="Hoàng Văn Lợi",
         maxima="M1", scores="13,2 5 15,8 6 9,6 6 9,3 1,4 10,8 9,2", rank="11/25", rank_style="digits",
         change="+1", classification="Khá", records=(1340, 1330, 1318, 420, 420), staff=(19, 18),
         plants=[("pct", 5, "85,27"), ("rank_oor", "overall", "26/25")], tricky=[], rank_override="26/25"),
    dict(name="thuy-an-2023", fmt="docx", layout="table_only", unit="Thụy An", level="xã", district="Thái Thụy",
         province="Thái Bình", year=2023, date="2024-01-19", number="12/BC-UBND", signer="Mai Văn Cường",
         maxima="M3", scores="9 7 20 6 11,5 5,5 11 3,25 7,2 11,05", rank="3/36", rank_style="digits",
         change="=", classification="Tốt", records=(1980, 1965, 1963, 1400, 1398), staff=(21, 20),
         plants=[], tricky=["round_double", "last_year"]),
    dict(name="my-ha-2022", fmt="docx", layout="prose_c", unit="Mỹ Hà", level="xã", district="Mỹ Lộc",
         province="Nam Định", year=2022, date="2023-02-08", number="13/BC-UBND", signer="Ngô Thị Yến",
         maxima="M2", scores="11 5 18,25 7 9 6 11 3,5 8,5 10,75", rank="4/10", rank_style="digits",
         change="-2", classification="Tốt", records=(860, 852, 850, 402, 402), staff=(18, 17),
         plants=[("gap", 8, "1"), ("bad_date", "31/04/2022")], tricky=[]),
    dict(name="lien-hiep-2024", fmt="docx", layout="prose_d", unit="Liên Hiệp", level="xã", district="Phúc Thọ",
         province="Hà Nội", year=2024, date="2025-01-14", number="03/BC-UBND", signer="Kiều Văn Sơn",
         maxima="M1", scores="13,8 5 16,4 6 10,2 6,5 10,1 1,6 11,9 9,3", rank="6/21", rank_style="digits",
         change="from:9", classification="Tốt", records=(2740, 2722, 2715, 2200, 2199), staff=(20, 19),
         plants=[("conflict_staff", 18), ("pct", 1, "90,00")], tricky=[]),
    dict(name="son-dong-2023", fmt="docx", layout="table", unit="Sơn Đồng", level="xã", district="Hoài Đức",
         province="Hà Nội", year=2023, date="2024-01-22", number="16/BC-UBND", signer="Nguyễn Đức Toàn",
         maxima="M2", scores="11,25 6 18,5 6,5 9,25 5,5 12 3,5 9 11,4", rank="đầu/19", rank_style="first",
         change="+2", classification="Xuất sắc", records=(3300, 3290, 3288, 2500, 2500), staff=(22, 21),
         plants=[("both", 1)], tricky=["online_all"]),
    # DOCX with Word automatic numbering (the numbers are not in the text)
    dict(name="thanh-hai-2022", fmt="docx_autonum", layout="prose_a", unit="Thanh Hải", level="xã",
         district="Thanh Liêm", province="Hà Nam", year=2022, date="2023-01-16", number="05/BC-UBND",
         signer="Lê Văn Thành", maxima="M1", scores="12,9 5 16,25 6 9 6,5 10 1,5 11,5 9,25", rank="10/17",
         rank_style="digits", change="-3", classification="Khá", records=(1520, 1510, 1505, 780, 780),
         staff=(19, 18), plants=[("total", "86,55")], tricky=["received_resolved"]),
    dict(name="vinh-hao-2023", fmt="docx_autonum", layout="prose_b", unit="Vĩnh Hào", level="xã", district="Vụ Bản",
         province="Nam Định", year=2023, date="2024-01-26", number="09/BC-UBND", signer="Phạm Văn Lực",
         maxima="M3", scores="9,5 8 21 6 11 6 11,5 3,5 7,5 11,5", rank="2/17", rank_style="digits",
         change="+1", classification="Xuất sắc", records=(1650, 1640, 1640, 1210, 1210), staff=(20, 20),
         plants=[], tricky=["staff_cadres", "field_subset"]),
    dict(name="hoa-binh-2021", fmt="docx_autonum", layout="table", unit="Hòa Bình", level="xã", district="Kiến Xương",
         province="Thái Bình", year=2021, date="2022-01-21", number="04/BC-UBND", signer="Đặng Văn Phú",
         maxima="M2", scores="10,5 5,5 17 6 8,5 5 10,5 3 8 10", rank="12/33", rank_style="digits",
         change="-6", classification="Khá", records=(1100, 1092, 1080, 300, 299), staff=(18, 16),
         plants=[("pct_qty", "99,5"), ("year_closing", 2022)], tricky=[]),
    dict(name="dong-quang-2024", fmt="docx_autonum", layout="prose_c", unit="Đông Quang", level="xã",
         district="Đông Hưng", province="Thái Bình", year=2024, date="2025-01-17", number="06/BC-UBND",
         signer="Trần Thị Nga", maxima="M1", scores="14,5 5 18 6 10,75 7 11 1,9 13 9,6", rank="1/38",
         rank_style="first", change="=", classification="Xuất sắc", records=(2020, 2010, 2010, 1800, 1800),
         staff=(21, 21), plants=[], tricky=["last_year"]),
    # Digital PDF (reportlab, DejaVu Serif)
    dict(name="kim-son-2023", fmt="pdf", layout="prose_a", unit="Kim Sơn", level="xã", district="Gia Lâm",
         province="Hà Nội", year=2023, date="2024-01-11", number="18/BC-UBND", signer="Đinh Văn Hùng",
         maxima="M1", scores="13,75 5 16,9 6 9,8 6,5 10,3 1,6 11,7 9,35", rank="5/22", rank_style="digits_of",
         change="+3", classification="Tốt", records=(3870, 3850, 3843, 2900, 2899), staff=(22, 20),
         plants=[("pct", 7, "91,57"), ("conflict_records", 3905)], tricky=[]),
    dict(name="duc-hop-2022", fmt="pdf", layout="prose_b", unit="Đức Hợp", level="xã", district="Kim Động",
         province="Hưng Yên", year=2022, date="2023-02-03", number="10/BC-UBND", signer="Phạm Quốc Việt",
         maxima="M2", scores="10,75 6 17,5 7 9 5,5 11,25 3 9 10,5", rank="6/17", rank_style="digits",
         change="+2", classification="Tốt", records=(1450, 1440, 1437, 820, 820), staff=(19, 19),
         plants=[], tricky=["received_resolved", "staff_cadres"]),
    dict(name="tan-tien-2021", fmt="pdf", layout="table", unit="Tân Tiến", level="xã", district="Văn Giang",
         province="Hưng Yên", year=2021, date="2022-01-19", number="02/BC-UBND", signer="Nguyễn Văn Tâm",
         maxima="M3", scores="8 7 18 5,5 10 5 10 3 6,5 10,4", rank="8/10", rank_style="digits",
         change="-4", classification="Khá", records=(2310, 2296, 2290, 1530, 1528), staff=(20, 19),
         plants=[("full_lost", 3), ("pct_overall", "84,40")], tricky=[]),
    dict(name="hung-dao-2023", fmt="pdf", layout="prose_c", unit="Hưng Đạo", level="phường",
         district="thành phố Chí Linh", province="Hải Dương", year=2023, date="2024-01-23", number="20/BC-UBND",
         signer="Vương Thị Hằng", maxima="M1", scores="13 5 17,25 6 10 6,75 10,5 1,7 12,2 9,5", rank="mười/19",
         rank_style="words", change="-2", classification="Tốt", records=(2980, 2960, 2957, 2300, 2297),
         staff=(23, 22), plants=[("rank_oor", 4, "0/19")], tricky=["online_all"], crit_ranks={4: "0/19", 1: "7/19"}),
    dict(name="nam-hong-2024", fmt="pdf", layout="prose_d", unit="Nam Hồng", level="xã", district="Nam Trực",
         province="Nam Định", year=2024, date="2025-01-20", number="05/BC-UBND", signer="Trần Quang Minh",
         maxima="M2", scores="11 6 18 7 9,5 6 12 3,25 9,482 11,125", rank="3/20", rank_style="digits",
         change="from:7", classification="Xuất sắc", records=(1690, 1680, 1680, 1300, 1300), staff=(20, 19),
         plants=[], tricky=["round_double", "three_decimals", "field_subset"], three_decimals=True),
    dict(name="phuong-dinh-2022", fmt="pdf", layout="table_only", unit="Phương Đình", level="xã",
         district="Trực Ninh", province="Nam Định", year=2022, date="2023-01-31", number="08/BC-UBND",
         signer="Lê Thị Phương", maxima="M1", scores="12,5 5 15 6 9 6 9,5 1,5 10,5 9", rank="13/21",
         rank_style="digits", change="-1", classification="Khá", records=(1260, 1250, 1242, 530, 530),
         staff=(19, 17), plants=[("missing", 8), ("date_ref", "05/05/2023")], tricky=[]),
    dict(name="an-thanh-2023", fmt="pdf", layout="prose_a", unit="An Thanh", level="xã", district="Tứ Kỳ",
         province="Hải Dương", year=2023, date="2024-02-01", number="12/BC-UBND", signer="Nguyễn Thế Anh",
         maxima="M1", scores="14 5 16 6 9,9 6,5 8,97 1,6 11,4 9,2", rank="9/23", rank_style="digits",
         change="+5", classification="Tốt", records=(2100, 2080, 2078, 1400, 1399), staff=(21, 19),
         plants=[], tricky=["round_7799", "last_year"], title_only_unit=True),
    dict(name="quynh-hoa-2021", fmt="pdf", layout="prose_b", unit="Quỳnh Hoa", level="xã", district="Quỳnh Phụ",
         province="Thái Bình", year=2021, date="2022-01-24", number="06/BC-UBND", signer="Vũ Đình Khang",
         maxima="M3", scores="9 8 19 6 11 5,5 10 3 7 10,5", rank="12/36", rank_style="digits",
         change="-6", classification="Khá", records=(1720, 1710, 1700, 820, 820), staff=(21, 20),
         plants=[("above_max", 4, "6,5"), ("conflict_staff", 23)], tricky=[]),
    dict(name="hop-tien-2024", fmt="pdf", layout="table", unit="Hợp Tiến", level="xã", district="Nam Sách",
         province="Hải Dương", year=2024, date="2025-01-13", number="07/BC-UBND", signer="Đoàn Văn Long",
         maxima="M1", scores="14 5 17,5 6 10 6,5 10,75 1,75 12 9,5", rank="4/18", rank_style="digits",
         change="+1", classification="Tốt", records=(2240, 2230, 2229, 1900, 1900), staff=(20, 20),
         plants=[("both", 7), ("pct", 10, "96,00")], tricky=[]),
    # Converted DOCX: rendered as PDF, then LibreOffice PDF import -> DOCX
    dict(name="thanh-xuan-2023", fmt="conv_soffice", layout="prose_a", unit="Thanh Xuân", level="xã",
         district="Sóc Sơn", province="Hà Nội", year=2023, date="2024-01-18", number="11/BC-UBND",
         signer="Nguyễn Văn Lâm", maxima="M1", scores="13,5 5 17 6 10 6,5 10,5 1,5 12 9,25", rank="7/25",
         rank_style="digits", change="+2", classification="Tốt", records=(3010, 2995, 2990, 2150, 2150),
         staff=(22, 21), plants=[("pct", 3, "95,89")], tricky=[]),
    dict(name="dai-thang-2022", fmt="conv_soffice", layout="table", unit="Đại Thắng", level="xã", district="Vụ Bản",
         province="Nam Định", year=2022, date="2023-01-27", number="04/BC-UBND", signer="Phạm Văn Định",
         maxima="M2", scores="10 6 17 6,5 9 5 11 3 8,5 10,5", rank="5/17", rank_style="digits",
         change="=", classification="Tốt", records=(1380, 1370, 1366, 700, 700), staff=(19, 18),
         plants=[], tricky=["staff_cadres"]),
    dict(name="vu-tien-2024", fmt="conv_soffice", layout="prose_b", unit="Vũ Tiến", level="xã", district="Vũ Thư",
         province="Thái Bình", year=2024, date="2025-01-21", number="08/BC-UBND", signer="Bùi Văn Hưng",
         maxima="M3", scores="9 7,5 20 6 11 6 11 3,5 7 11", rank="2/27", rank_style="digits",
         change="+3", classification="Xuất sắc", records=(1840, 1830, 1830, 1500, 1500), staff=(20, 20),
         plants=[("total", "92,50"), ("full_lost", 5)], tricky=[]),
    dict(name="ngoc-son-2021", fmt="conv_soffice", layout="prose_c", unit="Ngọc Sơn", level="xã", district="Tứ Kỳ",
         province="Hải Dương", year=2021, date="2022-02-10", number="10/BC-UBND", signer="Lê Văn Sỹ",
         maxima="M1", scores="12 5 15,5 6 8,5 6 9 1,25 10 8,75", rank="20/27", rank_style="digits",
         change="-7", classification="Trung bình", records=(1150, 1140, 1120, 350, 348), staff=(18, 15),
         plants=[("conflict_records", 1190)], tricky=[]),
    dict(name="hai-minh-2023", fmt="conv_lines", layout="prose_a", unit="Hải Minh", level="xã", district="Hải Hậu",
         province="Nam Định", year=2023, date="2024-01-29", number="15/BC-UBND", signer="Trần Văn Quyết",
         maxima="M1", scores="13,9 5 16,75 6 10,25 6,5 10,4 1,7 12,1 9,4", rank="ba/35", rank_style="words",
         change="+2", classification="Tốt", records=(2560, 2544, 2540, 1980, 1979), staff=(21, 20),
         plants=[("pct", 1, "95,33"), ("year_closing", 2024)], tricky=[]),
    dict(name="tan-phong-2022", fmt="conv_lines", layout="table", unit="Tân Phong", level="xã", district="Ninh Giang",
         province="Hải Dương", year=2022, date="2023-01-25", number="09/BC-UBND", signer="Vũ Văn Tiến",
         maxima="M1", scores="13 5 16,5 6 9,5 6 9,75 1,5 11 9", rank="12/25", rank_style="digits",
         change="-2", classification="Khá", records=(1410, 1400, 1396, 650, 650), staff=(19, 18),
         plants=[], tricky=["received_resolved"]),
    dict(name="lang-son-2024", fmt="conv_lines", layout="prose_d", unit="Lạng Sơn", level="xã",
         district="Yên Dũng", province="Bắc Giang", year=2024, date="2025-01-16", number="06/BC-UBND",
         signer="Hà Văn Dũng", maxima="M2", scores="11 6 18,5 7 9,5 5,5 12 3,5 9 11,25", rank="4/18",
         rank_style="digits", change="from:8", classification="Tốt", records=(1590, 1580, 1578, 1200, 1200),
         staff=(20, 19), plants=[("conflict_staff", 22), ("rank_oor", 5, "19/18")], tricky=[],
         crit_ranks={5: "19/18", 3: "6/18"}),
    dict(name="cao-an-2023", fmt="conv_flow", layout="prose_a", unit="Cao An", level="xã", district="Cẩm Giàng",
         province="Hải Dương", year=2023, date="2024-01-31", number="13/BC-UBND", signer="Nguyễn Văn Cao",
         maxima="M1", scores="13,25 5 16,5 6 9,75 6,5 10 1,5 11,5 9,1", rank="8/17", rank_style="digits",
         change="-1", classification="Tốt", records=(1850, 1840, 1835, 1300, 1300), staff=(20, 18),
         plants=[("full_lost", 3), ("pct_qty", "98,9")], tricky=[]),
    dict(name="trung-thanh-2022", fmt="conv_flow", layout="prose_b", unit="Trung Thành", level="xã",
         district="Vụ Bản", province="Nam Định", year=2022, date="2023-02-06", number="07/BC-UBND",
         signer="Đỗ Thị Thanh", maxima="M3", scores="8,5 7 19,5 6 10,5 5,5 10,5 3 7,5 10,9", rank="7/17",
         rank_style="digits", change="+2", classification="Tốt", records=(1300, 1290, 1288, 700, 700),
         staff=(19, 19), plants=[], tricky=["online_all", "field_subset"]),
    dict(name="phu-dien-2024", fmt="conv_flow", layout="table", unit="Phú Điền", level="xã", district="Nam Sách",
         province="Hải Dương", year=2024, date="2025-01-23", number="09/BC-UBND", signer="Lê Văn Điền",
         maxima="M1", scores="13,5 5 17,25 6 10 7 10,5 1,75 12,5 9,25", rank="6/18", rank_style="digits",
         change="=", classification="Tốt", records=(1970, 1960, 1960, 1600, 1600), staff=(20, 20),
         plants=[("both", 3), ("conflict_records", 2015)], tricky=[]),
    # a few more text and PDF reports with other phrasings
    dict(name="hoang-dieu-2023", fmt="txt", layout="table_text", unit="Hoàng Diệu", level="phường",
         district="thành phố Thái Bình", province="Thái Bình", year=2023, date="2024-01-16", number="19/BC-UBND",
         signer="Phạm Văn Diệu", maxima="M2", scores="11,5 6 18,75 7 9,5 6 12,5 3,5 9,5 11,6", rank="2/19",
         rank_style="digits", change="+1", classification="Xuất sắc", records=(2870, 2860, 2860, 2400, 2400),
         staff=(22, 22), plants=[], tricky=["last_year", "field_subset"]),
    dict(name="gia-xuyen-2022", fmt="pdf", layout="prose_d", unit="Gia Xuyên", level="xã", district="Gia Lộc",
         province="Hải Dương", year=2022, date="2023-01-19", number="03/BC-UBND", signer="Nguyễn Xuân Hòa",
         maxima="M1", scores="12,25 5 15,75 6 9,25 6 9,25 1,5 10,75 9", rank="15/18", rank_style="digits",
         change="-4", classification="Khá", records=(1500, 1490, 1470, 640, 640), staff=(20, 17),
         plants=[("malformed", 5, "9,25 /,11"), ("gap", 10, "11")], tricky=[]),
    dict(name="minh-tan-2024", fmt="docx", layout="prose_a", unit="Minh Tân", level="xã", district="Kiến Xương",
         province="Thái Bình", year=2024, date="2025-01-10", number="02/BC-UBND", signer="Trần Minh Tân",
         maxima="M2", scores="11,5 6 19 7 9,75 6 12,5 3,75 9,25 11,5", rank="1/33", rank_style="first",
         change="+1", classification="Xuất sắc", records=(2350, 2340, 2340, 2100, 2100), staff=(21, 21),
         plants=[], tricky=["online_all", "round_double"], tab_header=True),
    # added after the first measurement: more layouts (criterion headings in capitals with the score,
    # points lost, dot decimals, a ranked table, "1)" Word numbering) and more clean reports
    dict(name="ninh-hiep-2023", fmt="pdf", layout="prose_e", unit="Ninh Hiệp", level="xã", district="Gia Lâm",
         province="Hà Nội", year=2023, date="2024-01-24", number="17/BC-UBND", signer="Lê Văn Hiệp",
         maxima="M1", scores="14,5 5 17,25 6 10,5 7 10,75 1,75 12,5 9,5", rank="2/22", rank_style="digits",
         change="+1", classification="Xuất sắc", records=(4120, 4100, 4096, 3300, 3298), staff=(23, 22),
         plants=[], tricky=["dot_decimal", "field_subset"], dot_decimal=True),
    dict(name="dong-phong-2022", fmt="txt", layout="prose_e", unit="Đông Phong", level="xã", district="Tiền Hải",
         province="Thái Bình", year=2022, date="2023-01-18", number="05/BC-UBND", signer="Phạm Đông Phong",
         maxima="M2", scores="10,5 5,5 17 6,5 8,5 5,5 11 3 8,5 10", rank="9/32", rank_style="digits",
         change="-2", classification="Khá", records=(1560, 1548, 1540, 900, 900), staff=(19, 17),
         plants=[("deduction", 1, "0,5")], tricky=[]),
    dict(name="kien-thanh-2024", fmt="docx_autonum", layout="prose_d", unit="Kiến Thành", level="xã",
         district="Lục Ngạn", province="Bắc Giang", year=2024, date="2025-01-22", number="10/BC-UBND",
         signer="Nông Văn Kiên", maxima="M1", scores="13,75 5 16,9 6 10 6,5 10,2 1,6 11,8 9,35", rank="5/28",
         rank_style="digits", change="+2", classification="Tốt", records=(1730, 1720, 1716, 1350, 1349),
         staff=(20, 19), plants=[], tricky=["received_resolved"]),
    dict(name="hai-tan-2023", fmt="conv_lines", layout="prose_c", unit="Hải Tân", level="phường",
         district="thành phố Hải Dương", province="Hải Dương", year=2023, date="2024-01-26", number="22/BC-UBND",
         signer="Vũ Thị Tân", maxima="M1", scores="14 5 17 6 10,25 6,75 10,5 1,75 12 9,4", rank="4/25",
         rank_style="digits", change="=", classification="Tốt", records=(3650, 3640, 3637, 2900, 2900),
         staff=(22, 21), plants=[], tricky=["staff_cadres"]),
    dict(name="tam-hung-2021", fmt="conv_flow", layout="table_only", unit="Tam Hưng", level="xã", district="Thanh Oai",
         province="Hà Nội", year=2021, date="2022-01-20", number="06/BC-UBND", signer="Đỗ Văn Hưng",
         maxima="M2", scores="10,5 6 17,5 6,5 9 5,5 11,5 3 8,5 10,75", rank="6/20", rank_style="digits",
         change="+3", classification="Tốt", records=(2010, 2000, 1996, 900, 900), staff=(20, 19),
         plants=[], tricky=[]),
    dict(name="yen-phu-2022", fmt="pdf", layout="table", unit="Yên Phú", level="xã", district="Yên Mỹ",
         province="Hưng Yên", year=2022, date="2023-02-02", number="08/BC-UBND", signer="Lê Văn Phú",
         maxima="M3", scores="8,5 7,5 19 6 10,5 5 10,5 3 7 10,5", rank="6/17", rank_style="digits",
         change="-1", classification="Tốt", records=(1890, 1880, 1875, 1100, 1100), staff=(21, 20),
         plants=[("deduction", 3, "1"), ("pct", 2, "95,75")], tricky=[], table_ranks=True),
    dict(name="phu-luong-2023", fmt="conv_soffice", layout="prose_d", unit="Phú Lương", level="phường",
         district="quận Hà Đông", province="Hà Nội", year=2023, date="2024-01-17", number="14/BC-UBND",
         signer="Nguyễn Thị Lương", maxima="M1", scores="14 5 17,5 6 10,5 6,5 10,75 1,75 12,25 9,55", rank="7/17",
         rank_style="digits", change="+2", classification="Tốt", records=(5230, 5210, 5207, 4500, 4498),
         staff=(23, 23), plants=[], tricky=["online_all"]),
    dict(name="tan-lap-2022", fmt="conv_lines", layout="prose_b", unit="Tân Lập", level="xã", district="Đan Phượng",
         province="Hà Nội", year=2022, date="2023-01-13", number="03/BC-UBND", signer="Trần Văn Lập",
         maxima="M2", scores="11 6 18 6,5 9,5 5,5 12 3,5 9 11,25", rank="3/15", rank_style="digits",
         change="=", classification="Xuất sắc", records=(2890, 2875, 2871, 2300, 2300), staff=(21, 20),
         plants=[("year_heading", 2021)], tricky=[]),
    dict(name="quang-phu-2024", fmt="docx", layout="prose_e", unit="Quang Phú", level="xã", district="Lương Tài",
         province="Bắc Ninh", year=2024, date="2025-01-15", number="11/BC-UBND", signer="Nguyễn Quang Phú",
         maxima="M3", scores="9,25 7,5 20,125 6 11,25 5,5 11 3,25 7,125 11,375", rank="4/14", rank_style="digits",
         change="-1", classification="Tốt", records=(1480, 1470, 1468, 1200, 1200), staff=(20, 19),
         plants=[], tricky=["three_decimals"], three_decimals=True, tab_header=True),
    dict(name="an-khanh-2022", fmt="txt", layout="prose_a", unit="An Khánh", level="xã", district="Hoài Đức",
         province="Hà Nội", year=2022, date="2023-01-11", number="02/BC-UBND", signer="Nguyễn Văn Khánh",
         maxima="M1", scores="13 5 16 6 9,5 6 8,97 1,5 11 9", rank="21/21", rank_style="last",
         change="-3", classification="Khá", records=(6120, 6100, 6080, 4800, 4795), staff=(24, 22),
         plants=[], tricky=["round_7799", "last_year"]),
    # third round (ADDED_AFTER_9DA0450)
    dict(name="phu-thinh-2020", fmt="txt_utf16", layout="prose_a", unit="Phú Thịnh", level="xã", district="Kim Động",
         province="Hưng Yên", year=2020, date="2021-01-15", number="04/BC-UBND", signer="Lê Văn Thịnh",
         maxima="M1", scores="13,5 5 16,5 6 9,75 6,5 10 1,5 11,5 9,2", rank="6/17", rank_style="digits",
         change="+1", classification="Tốt", records=(1320, 1310, 1306, 450, 450), staff=(20, 19),
         plants=[], tricky=["field_subset"], titles={7: "Hiện đại hóa hành chính"}),
    dict(name="dong-lam-2023", fmt="pdf", layout="prose_b", unit="Đông Lâm", level="xã", district="Tiền Hải",
         province="Thái Bình", year=2023, date="2024-01-30", number="09/BC-UBND", signer="Phạm Văn Lâm",
         maxima="M2", scores="10,5 6 17,5 6,5 9 5,5 11,5 3,25 8,75 10,5", rank="11/32", rank_style="digits",
         change="-2", classification="Khá", records=(1760, 1750, 1742, 1100, 1100), staff=(20, 18),
         plants=[("pct", 6, "95,67"), ("conflict_staff", 22)], tricky=[], overall_style="fields"),
    dict(name="thuy-son-2022", fmt="docx", layout="prose_d", unit="Thụy Sơn", level="xã", district="Thái Thụy",
         province="Thái Bình", year=2022, date="2023-01-26", number="07/BC-UBND", signer="Vũ Văn Sơn",
         maxima="M1", scores="13,75 5 16,25 6 9,5 6,5 10,25 1,5 11,75 9,3", rank="9/36", rank_style="digits",
         change="+4", classification="Tốt", records=(1240, 1230, 1228, 700, 700), staff=(19, 18),
         plants=[("full_lost", 5)], tricky=["staff_cadres"], list_words="alt"),
    dict(name="nam-tien-2024", fmt="conv_lines", layout="prose_e", unit="Nam Tiến", level="xã", district="Nam Trực",
         province="Nam Định", year=2024, date="2025-01-20", number="08/BC-UBND", signer="Trần Văn Tiến",
         maxima="M1", scores="14 5 17,75 6 10,5 7 10,75 1,75 12,5 9,45", rank="2/20", rank_style="digits",
         change="from:5", classification="Xuất sắc", records=(1990, 1980, 1980, 1650, 1650), staff=(21, 21),
         plants=[], tricky=["online_all"]),
    dict(name="hong-thai-2021", fmt="conv_soffice", layout="prose_a", unit="Hồng Thái", level="xã", district="Kiến Xương",
         province="Thái Bình", year=2021, date="2022-01-27", number="05/BC-UBND", signer="Nguyễn Văn Thái",
         maxima="M2", scores="10 5,5 17 6 8,5 5 10,5 3 8 10,25", rank="18/33", rank_style="digits",
         change="-3", classification="Khá", records=(990, 985, 980, 300, 300), staff=(18, 16),
         plants=[("year_closing", 2022), ("rank_oor", 2, "34/33")], tricky=[], overall_style="fields",
         crit_ranks={2: "34/33"}),
    dict(name="tien-du-2023", fmt="docx_autonum", layout="table", unit="Tiên Du", level="xã", district="Phù Ninh",
         province="Phú Thọ", year=2023, date="2024-01-19", number="06/BC-UBND", signer="Hà Văn Du",
         maxima="M3", scores="9 7,5 20,5 6 11 5,5 11 3,5 7,25 11,25", rank="3/16", rank_style="digits",
         change="=", classification="Xuất sắc", records=(1450, 1440, 1440, 1180, 1180), staff=(20, 20),
         plants=[], tricky=["field_subset", "round_double"], table_ranks=True, list_words="alt"),

    # fourth round (ROUND_4)
    dict(name="nghia-tru-2023", fmt="txt", layout="prose_f", unit="Nghĩa Trụ", level="xã", district="Văn Giang",
         province="Hưng Yên", year=2023, date="2024-01-23", number="12/BC-UBND", signer="Nguyễn Văn Tiến",
         maxima="M1", scores="13,5 5 16,25 6 9,5 6,5 10,5 1,5 12 9,5", rank="7/21", rank_style="dung_thu",
         change="+2", classification="Xuất sắc", records=(1863, 1850, 1842, 1210, 1208), staff=(20, 19),
         plants=[("pct_qty", "99,2"), ("pct", 5, "88,36")], tricky=[], overall_style="points_of",
         qty_words="alt", list_words="alt2", crit_rank_style="dung_thu"),
    dict(name="cam-linh-2022", fmt="docx", layout="prose_g", unit="Cẩm Lĩnh", level="xã", district="Ba Vì",
         province="Hà Nội", year=2022, date="2023-01-17", number="05/BC-UBND", signer="Phùng Văn Quang",
         maxima="M2", scores="10,5 5,5 17,75 6,5 9 5,5 11,75 3,5 8,8 10,9", rank="3/18", rank_style="vi_tri",
         change="+1", classification="Tốt", records=(2210, 2195, 2189, 1460, 1459), staff=(21, 20),
         plants=[], tricky=["received_resolved", "one_decimal"], overall_style="sentences", qty_words="alt",
         pct_places=1, crit_rank_style="vi_tri"),
    dict(name="ha-mo-2024", fmt="docx_autonum", layout="prose_f", unit="Hạ Mỗ", level="xã",
         district="Đan Phượng", province="Hà Nội", year=2024, date="2025-01-24", number="07/BC-UBND",
         signer="Lê Thị Đình", maxima="M3", scores="8,75 7 19,5 5,5 10,5 5,5 10,25 3 6,9 10,6", rank="12/26",
         rank_style="digits", change="-2", classification="Tốt", records=(1540, 1530, 1524, 1100, 1100),
         staff=(21, 19), plants=[("conflict_staff", 23), ("full_lost", 3)], tricky=["self_assessed", "staff_cadres"],
         overall_style="self_assessed", self_assessed="91,25", qty_words="alt", list_words="alt2"),
    dict(name="hoa-son-2021", fmt="pdf", layout="prose_h", unit="Hòa Sơn", level="xã", district="Ứng Hòa",
         province="Hà Nội", year=2021, date="2022-01-21", number="04/BC-UBND", signer="Đặng Văn Sơn",
         maxima="M1", scores="13 4,5 16,5 5,5 10 6 10 1,75 11,5 9", rank="5/15", rank_style="dung_thu",
         change="-1", classification="Tốt", records=(1120, 1110, 1104, 520, 520), staff=(19, 17),
         plants=[("gap", 6, "5"), ("deduction", 1, "0,5")], tricky=[], overall_style="points_of",
         list_style="numbered"),
    dict(name="xuan-lai-2023", fmt="pdf", layout="table", unit="Xuân Lai", level="xã", district="Gia Bình",
         province="Bắc Ninh", year=2023, date="2024-01-26", number="10/BC-UBND", signer="Nguyễn Xuân Lai",
         maxima="M2", scores="11 6 18,25 6,5 9,25 5,5 12 3,25 9 11,1", rank="4/19", rank_style="digits_of",
         change="=", classification="Xuất sắc", records=(2980, 2965, 2961, 2010, 2007), staff=(22, 21),
         plants=[], tricky=["online_all"], table_ranks=True, overall_style="sentences", qty_words="alt",
         list_words="alt2"),
    dict(name="nghia-dan-2022", fmt="conv_soffice", layout="prose_g", unit="Nghĩa Dân", level="xã", district="Khoái Châu",
         province="Hưng Yên", year=2022, date="2023-01-31", number="09/BC-UBND", signer="Trần Văn Dân",
         maxima="M1", scores="12,75 5 16 6 9,75 6,25 9,5 1,5 11,25 9,1", rank="6/24", rank_style="vi_tri",
         change="from:9", classification="Tốt", records=(1845, 1830, 1822, 1290, 1289), staff=(20, 18),
         plants=[("conflict_records", 1900), ("rank_oor", 7, "25/24")], tricky=[], overall_style="points_of",
         qty_words="alt", crit_rank_style="dung_thu", crit_ranks={7: "25/24"}),
    dict(name="my-thuan-2024", fmt="conv_lines", layout="prose_f", unit="Mỹ Thuận", level="xã", district="Mỹ Lộc",
         province="Nam Định", year=2024, date="2025-01-17", number="03/BC-UBND", signer="Vũ Văn Thuận",
         maxima="M2", scores="11,5 6 18,5 7 9,5 5,75 12,25 3,5 9,25 11,4", rank="2/13", rank_style="dung_thu",
         change="+3", classification="Xuất sắc", records=(1520, 1512, 1512, 1300, 1300), staff=(19, 19),
         plants=[], tricky=["one_decimal", "last_year"], overall_style="sentences", qty_words="alt", pct_places=1),
    dict(name="thach-loi-2023", fmt="conv_lines", layout="prose_h", unit="Thạch Lỗi", level="xã", district="Thanh Hà",
         province="Hải Dương", year=2023, date="2024-02-01", number="11/BC-UBND", signer="Phạm Văn Lỗi",
         maxima="M3", scores="8 7 18,5 5,5 10 5 10,5 3 6,5 9,75", rank="9/16", rank_style="vi_tri",
         change="-3", classification="Tốt", records=(1380, 1372, 1365, 760, 759), staff=(20, 18),
         plants=[("pct_overall", "83,50"), ("both", 7)], tricky=["self_assessed"], overall_style="self_assessed",
         self_assessed="86,5", list_words="alt2", list_style="starred", crit_rank_style="vi_tri"),
    dict(name="kim-lien-2022", fmt="conv_flow", layout="prose_f", unit="Kim Liên", level="xã", district="Nam Đàn",
         province="Nghệ An", year=2022, date="2023-01-12", number="02/BC-UBND", signer="Hoàng Văn Liên",
         maxima="M1", scores="13 5 15,5 6 9 6,5 9,75 1,5 10,5 8,8", rank="10/22", rank_style="dung_thu",
         change="+1", classification="Tốt", records=(1675, 1660, 1655, 940, 940), staff=(20, 18),
         plants=[], tricky=["received_resolved", "field_subset"], overall_style="points_of", qty_words="alt"),
    dict(name="dong-son-2021", fmt="txt", layout="prose_g", unit="Đông Sơn", level="xã", district="Thủy Nguyên",
         province="Hải Phòng", year=2021, date="2022-02-18", number="06/BC-UBND", signer="Lê Đông Sơn",
         maxima="M3", scores="9 7,5 19 5,5 10,75 5,5 10,5 3,25 7 10,5", rank="8/20", rank_style="vi_tri",
         change="=", classification="Tốt", records=(2050, 2040, 2031, 1400, 1398), staff=(21, 20),
         plants=[("total", "86,85"), ("date_ref", "05/03/2022")], tricky=[], overall_style="sentences",
         qty_words="alt"),
    dict(name="an-lac-2024", fmt="docx", layout="prose_h", unit="An Lạc", level="xã", district="Chí Linh",
         province="Hải Dương", year=2024, date="2025-01-20", number="08/BC-UBND", signer="Nguyễn Văn Lạc",
         maxima="M2", scores="11,75 6 19 7 9,75 6 12,5 3,75 9,5 11,6", rank="2/17", rank_style="dung_thu",
         change="+2", classification="Xuất sắc", records=(2330, 2318, 2318, 1980, 1979), staff=(22, 22),
         plants=[], tricky=["staff_cadres", "online_all"], overall_style="points_of", qty_words="alt",
         list_style="starred", crit_rank_style="dung_thu"),
    dict(name="vinh-hung-2023", fmt="docx_autonum", layout="prose_g", unit="Vĩnh Hưng", level="xã",
         district="Vĩnh Lộc", province="Thanh Hóa", year=2023, date="2024-01-29", number="13/BC-UBND",
         signer="Trịnh Văn Hưng", maxima="M1", scores="13,25 5 16,75 6 9,5 6,5 10,5 1,75 11,75 9,2", rank="5/21",
         rank_style="vi_tri", change="-1", classification="Xuất sắc", records=(1720, 1710, 1706, 1150, 1150),
         staff=(20, 19), plants=[("full_lost", 5), ("year_heading", 2022)], tricky=[], overall_style="sentences",
         qty_words="alt", list_words="alt2"),

    # fifth round (ROUND_5)
    dict(name="phuong-lieu-2023", fmt="txt", layout="prose_i", unit="Phương Liễu", level="phường",
         district="thị xã Quế Võ", province="Bắc Ninh", year=2023, date="2024-01-10", number="07/BC-UBND",
         signer="Nguyễn Văn Liễu", maxima="M1", scores="13 5 16,5 5,5 9,75 6,5 10 1,5 12,3 8,85", rank="5/19",
         rank_style="hang", change="+3", change_style="padded", classification="Tốt",
         records=(1245, 1232, 1228, 860, 859), staff=(20, 19), plants=[("gap", 5, "4"), ("pct", 3, "86,5")],
         tricky=[], overall_style="pct_first", score_form="tren", pct_places=1, crit_rank_style="hang"),
    dict(name="hoang-hoa-2022", fmt="docx", layout="prose_j", unit="Hoàng Hoa", level="xã", district="Tam Dương",
         province="Vĩnh Phúc", year=2022, date="2023-01-13", number="04/BC-UBND", signer="Trần Văn Hoa",
         maxima="M4", scores="12,5 5,5 17,25 6 8,75 5,5 10,5 2,5 9,4 10,6", rank="2/19", rank_style="toan_huyen",
         change="+2", change_style="truoc", classification="Tốt", records=(1245, 1230, 1221, 800, 798),
         staff=(19, 18), plants=[("pct_qty", "98,27"), ("year_title", 2023)], tricky=[], overall_style="toan_huyen",
         qty_table=True, crit_rank_style="hang"),
    dict(name="hung-son-2024", fmt="pdf", layout="table", unit="Hùng Sơn", level="thị trấn", district="Lâm Thao",
         province="Phú Thọ", year=2024, date="2025-01-16", number="05/BC-UBND", signer="Đỗ Văn Hùng",
         maxima="M5", scores="11,5 4,5 17 5,5 10,5 6 10,75 3,5 8,6 10,4", rank="6/19", rank_style="hang",
         change="-1", change_style="padded", classification="Tốt", records=(2310, 2296, 2290, 1820, 1818),
         staff=(21, 20), plants=[("total", "87,25"), ("rank_oor", 4, "20/19")], tricky=[], table_ranks=True,
         table_cols="score_first", crit_ranks={4: "20/19"}, date_words=True),
    dict(name="phuong-dong-2023", fmt="conv_soffice", layout="prose_i", unit="Phương Đông", level="phường",
         district="thành phố Uông Bí", province="Quảng Ninh", year=2023, date="2024-01-18", number="09/BC-UBND",
         signer="Vũ Thị Phương", maxima="M2", scores="11 5,5 18,5 6,5 9 5,5 12 3,5 8,75 11,25", rank="2/11",
         rank_style="toan_huyen", change="-1", change_style="truoc", classification="Xuất sắc",
         records=(3105, 3090, 3088, 2600, 2598), staff=(22, 21), plants=[], tricky=[], overall_style="pct_first",
         score_form="toida"),
    dict(name="kha-son-2022", fmt="conv_lines", layout="table", unit="Kha Sơn", level="xã", district="Phú Bình",
         province="Thái Nguyên", year=2022, date="2023-01-19", number="03/BC-UBND", signer="Dương Văn Kha",
         maxima="M1", scores="12,5 4,5 15,75 5,5 9,5 6 9,75 1,5 11,4 8,7", rank="9/20", rank_style="digits",
         change="+1", classification="Khá", records=(1820, 1805, 1799, 950, 949), staff=(20, 18),
         plants=[("pct", 5, "83,36"), ("conflict_records", 1890)], tricky=[], table_ranks=True, table_cols="roman",
         table_split=True),
    dict(name="thuong-loc-2023", fmt="txt", layout="prose_j", unit="Thượng Lộc", level="xã", district="Can Lộc",
         province="Hà Tĩnh", year=2023, date="2024-01-22", number="11/BC-UBND", signer="Phan Văn Lộc",
         maxima="M3", scores="9 7 19,5 5,5 10,5 5 10,5 3,5 7 10,75", rank="4/22", rank_style="hang", change="+3",
         change_style="padded", classification="Tốt", records=(2105, 2090, 2084, 1500, 1500), staff=(21, 20),
         plants=[], tricky=[], overall_style="toan_huyen", qty_table=True, crit_rank_style="hang"),
    dict(name="khanh-hoa-2021", fmt="docx_autonum", layout="prose_i", unit="Khánh Hòa", level="xã",
         district="Yên Khánh", province="Ninh Bình", year=2021, date="2022-01-24", number="06/BC-UBND",
         signer="Đinh Văn Khánh", maxima="M4", scores="12 5 17,5 5,5 9 5,5 10 2,5 9,5 10,5", rank="3/12",
         rank_style="digits", change="=", classification="Tốt", records=(980, 972, 970, 420, 420), staff=(18, 17),
         plants=[("above_max", 8, "3,5"), ("full_lost", 3)], tricky=[], overall_style="pct_first",
         score_form="tren", date_words=True),
    dict(name="luong-son-2024", fmt="pdf", layout="prose_i", unit="Lương Sơn", level="thị trấn", district="Lương Sơn",
         province="Hòa Bình", year=2024, date="2025-01-20", number="08/BC-UBND", signer="Bùi Văn Sơn",
         maxima="M5", scores="12 5 17,5 6 11 6,5 11 3,5 9,2 10,8", rank="3/15", rank_style="hang", change="-2",
         change_style="padded", classification="Xuất sắc", records=(2650, 2640, 2637, 2100, 2100), staff=(22, 22),
         plants=[("pct_overall", "95,20"), ("date_ref", "15/02/2025")], tricky=[], score_form="toida",
         pct_places=1, date_words=True, crit_rank_style="hang"),
    dict(name="dong-van-2022", fmt="conv_flow", layout="prose_j", unit="Đồng Văn", level="phường",
         district="thị xã Duy Tiên", province="Hà Nam", year=2022, date="2023-01-11", number="02/BC-UBND",
         signer="Lại Văn Đồng", maxima="M2", scores="10,5 5 17,5 6 8,5 5 11,5 3 8,6 10,4", rank="7/16",
         rank_style="toan_huyen", change="+2", change_style="truoc", classification="Tốt",
         records=(2480, 2466, 2460, 1700, 1699), staff=(20, 19), plants=[], tricky=["staff_cadres"],
         overall_style="toan_huyen"),
    dict(name="doan-bai-2023", fmt="docx", layout="table", unit="Đoan Bái", level="xã", district="Hiệp Hòa",
         province="Bắc Giang", year=2023, date="2024-01-25", number="10/BC-UBND", signer="Ngô Văn Bái",
         maxima="M3", scores="8,5 7,5 20 5,5 11 5,5 11 3 6,8 10,7", rank="12/25", rank_style="hang", change="-1",
         change_style="truoc", classification="Tốt", records=(1630, 1618, 1610, 1010, 1008), staff=(21, 19),
         plants=[("deduction", 1, "0,5"), ("conflict_staff", 23)], tricky=[], table_ranks=True,
         table_cols="score_first", table_split=True, qty_table=True),
    dict(name="hong-thai-tay-2024", fmt="conv_soffice", layout="table", unit="Hồng Thái Tây", level="xã",
         district="thị xã Đông Triều", province="Quảng Ninh", year=2024, date="2025-01-15", number="04/BC-UBND",
         signer="Hoàng Văn Thái", maxima="M4", scores="13 5,5 18,25 6 9,25 5,5 11 2,75 10,2 11,3", rank="4/21",
         rank_style="digits", change="+1", change_style="padded", classification="Xuất sắc",
         records=(1760, 1750, 1750, 1490, 1490), staff=(20, 20), plants=[], tricky=["round_double"],
         table_ranks=True, table_cols="roman"),
    dict(name="thai-hoc-2021", fmt="txt", layout="prose_i", unit="Thái Học", level="xã", district="Bình Giang",
         province="Hải Dương", year=2021, date="2022-01-26", number="05/BC-UBND", signer="Phạm Văn Học",
         maxima="M2", scores="10 5 16,5 6 9 5 10,5 3 8,2 10,3", rank="11/17", rank_style="hang", change="-2",
         change_style="padded", classification="Khá", records=(1150, 1141, 1133, 480, 479), staff=(19, 17),
         plants=[("both", 5), ("year_heading", 2020)], tricky=[], overall_style="pct_first", score_form="tren"),
    dict(name="dien-ky-2022", fmt="docx", layout="prose_b", unit="Diễn Kỷ", level="xã", district="Diễn Châu",
         province="Nghệ An", year=2022, date="2023-02-06", number="12/BC-UBND", signer="Hồ Văn Kỷ",
         maxima="M5", scores="11 4,5 16,5 5 10 6 10,5 3 8,4 10,1", rank="38/38", rank_style="hang",
         rank_override="39/38", change="-2", change_style="truoc", classification="Khá",
         records=(1430, 1415, 1409, 700, 699), staff=(20, 18), plants=[("missing", 6), ("rank_oor", "overall", "39/38")],
         tricky=[], overall_style="pct_first", qty_table=True, date_words=True),
    dict(name="hoang-dao-2023", fmt="pdf", layout="prose_j", unit="Hoằng Đạo", level="xã", district="Hoằng Hóa",
         province="Thanh Hóa", year=2023, date="2024-01-29", number="13/BC-UBND", signer="Lê Văn Đạo",
         maxima="M1", scores="13,25 5 16,875 6 10,5 6,5 10,125 1,75 12,45 9,3", rank="2/43", rank_style="hang",
         change="+1", change_style="padded", classification="Xuất sắc", records=(1980, 1970, 1968, 1500, 1500),
         staff=(21, 21), plants=[], tricky=["three_decimals"], three_decimals=True, date_words=True,
         crit_rank_style="hang"),
    dict(name="lam-2024", fmt="conv_lines", layout="prose_i", unit="Lâm", level="thị trấn", district="Ý Yên",
         province="Nam Định", year=2024, date="2025-01-21", number="06/BC-UBND", signer="Trịnh Văn Lâm",
         maxima="M3", scores="9,5 7,5 20,5 6 11,5 5,5 11,5 3,5 7,25 11,25", rank="1/31", rank_style="toan_huyen",
         change="+3", change_style="truoc", classification="Xuất sắc", records=(2890, 2875, 2874, 2300, 2300),
         staff=(22, 22), plants=[], tricky=["last_year"], overall_style="toan_huyen", score_form="toida"),
    dict(name="tong-phan-2023", fmt="docx_autonum", layout="prose_j", unit="Tống Phan", level="xã", district="Phù Cừ",
         province="Hưng Yên", year=2023, date="2024-01-17", number="03/BC-UBND", signer="Nguyễn Văn Phan",
         maxima="M4", scores="12,75 5 17 6 9,5 5,5 10,75 2,5 9,6 11,2", rank="8/14", rank_style="digits_of",
         change="=", classification="Tốt", records=(1312, 1300, 1296, 700, 700), staff=(20, 19),
         plants=[("pct", 9, "85,27"), ("conflict_records", 1350)], tricky=[]),

    # sixth round (ROUND_6): not measured by the examiner
    dict(name="tan-my-2023", fmt="txt", layout="prose_k", unit="Tân Mỹ", level="xã", district="Đức Hòa",
         province="Long An", year=2023, date="2024-01-12", number="05/BC-UBND", signer="Nguyễn Văn Mỹ",
         maxima="M6", scores="10,5 5 18,25 5,5 10,5 5,5 10,75 3,25 8,6 10,4", rank="3/20", rank_style="trong_so",
         change="+2", change_style="was", classification="Tốt", records=(1675, 1662, 1660, 1105, 1105),
         staff=(20, 19), plants=[("pct", 3, "84,90"), ("gap", 6, "5")], tricky=[], overall_style="tham_dinh",
         crit_rank_style="thu_hang", list_words="r6", item_style="r6", qty_words="r6"),
    dict(name="tan-hanh-2022", fmt="docx", layout="table_self", unit="Tân Hạnh", level="phường",
         district="thành phố Biên Hòa", province="Đồng Nai", year=2022, date="2023-01-16", number="09/BC-UBND",
         number_printed="09 /BC-UBND", signer="Trần Thị Hạnh", maxima="M1",
         scores="13,5 5 16 5,5 9,5 6 10 1,5 12,1 8,9", rank="7/30", rank_style="trong_so", change="-1",
         change_style="words", classification="Tốt", records=(2840, 2825, 2820, 2010, 2009), staff=(21, 20),
         plants=[("above_max", 8, "2,5"), ("total", "88,00")], tricky=[]),
    dict(name="cai-khe-2024", fmt="pdf", layout="prose_l", unit="Cái Khế", level="phường", district="quận Ninh Kiều",
         province="Cần Thơ", year=2024, date="2025-01-13", number="03/BC-UBND", signer="Lê Văn Khế", maxima="M5",
         scores="11,75 5 17,5 5,5 10,75 6,5 10,5 3,25 8,8 10,7", rank="4/11", rank_style="thu_hang", change="+1",
         change_style="words", classification="Xuất sắc", records=(3320, 3306, 3301, 2950, 2949), staff=(22, 21),
         plants=[("deduction", 3, "0,5"), ("conflict_staff", 24)], tricky=[], overall_style="tuong_ung",
         qty_words="r6", list_words="r6"),
    dict(name="dau-tieng-2023", fmt="conv_soffice", layout="prose_k", unit="Dầu Tiếng", level="thị trấn",
         district="Dầu Tiếng", province="Bình Dương", year=2023, date="2024-01-08", number="02/BC-UBND",
         number_printed="02 /BC-UBND", signer="Phạm Văn Tiếng", maxima="M2",
         scores="10,5 5,5 18 6,5 9 5,5 11,5 3,5 8,5 11", rank="2/12", rank_style="trong_so", change="=",
         classification="Xuất sắc", records=(2210, 2200, 2198, 1650, 1650), staff=(21, 21), plants=[], tricky=[],
         overall_style="tham_dinh", crit_rank_style="thu_hang", date_style="plain"),
    dict(name="hoa-phong-2021", fmt="conv_lines", layout="table_self", unit="Hòa Phong", level="xã",
         district="Hòa Vang", province="Đà Nẵng", year=2021, date="2022-01-20", number="06/BC-UBND",
         signer="Ngô Văn Phong", maxima="M4", scores="12 5,5 17,5 5,5 8,75 5 10,25 2,5 9,3 10,2", rank="6/11",
         rank_style="trong_so", change="+1", change_style="was", classification="Tốt",
         records=(1190, 1182, 1178, 520, 520), staff=(19, 18), plants=[("pct", 7, "83,42"), ("year_closing", 2022)],
         tricky=[], overall_style="tham_dinh"),
    dict(name="dien-an-2022", fmt="txt_utf16", layout="table_tabs", unit="Điện An", level="phường",
         district="thị xã Điện Bàn", province="Quảng Nam", year=2022, date="2023-01-18", number="07/BC-UBND",
         signer="Huỳnh Văn An", maxima="M3", scores="8,5 7 19,75 5,5 10,5 5 10,75 3,5 6,9 10,6", rank="5/20",
         rank_style="thu_hang", change="-2", change_style="words", classification="Tốt",
         records=(1930, 1921, 1917, 1280, 1279), staff=(20, 19), plants=[], tricky=["round_double", "staff_cadres"],
         overall_style="tuong_ung", qty_words="r6"),
    dict(name="nhon-hau-2023", fmt="docx_autonum", layout="prose_l", unit="Nhơn Hậu", level="xã",
         district="thị xã An Nhơn", province="Bình Định", year=2023, date="2024-01-19", number="08/BC-UBND",
         signer="Võ Văn Hậu", maxima="M6", scores="11 4,5 19,5 6 10,25 5,5 11 3,5 8,75 11,25", rank="1/15",
         rank_style="trong_so", change="+2", change_style="words", classification="Xuất sắc",
         records=(1540, 1532, 1530, 1120, 1120), staff=(20, 19), plants=[("full_lost", 5), ("bad_date", "29/02/2023")],
         tricky=[], overall_style="tham_dinh", list_words="r6", item_style="r6"),
    dict(name="ea-tu-2024", fmt="pdf", layout="prose_k", unit="Ea Tu", level="xã", district="thành phố Buôn Ma Thuột",
         province="Đắk Lắk", year=2024, date="2025-01-22", number="10/BC-UBND", signer="Y Ngông Niê", maxima="M1",
         scores="13 4,5 16,25 5,5 9,75 6 10,25 1,75 12 9", rank="8/21", rank_style="thu_hang", change="-1",
         change_style="was", classification="Tốt", records=(1380, 1371, 1365, 900, 899), staff=(19, 17),
         plants=[("malformed", 4, "5,5/,6"), ("rank_oor", 2, "22/21")], tricky=[], overall_style="tuong_ung",
         crit_rank_style="thu_hang", crit_ranks={2: "22/21"}),
    dict(name="long-hau-2022", fmt="conv_flow", layout="prose_l", unit="Long Hậu", level="xã", district="Cần Giuộc",
         province="Long An", year=2022, date="2023-01-10", number="01/BC-UBND", signer="Đặng Văn Hậu", maxima="M2",
         scores="11 5 17,25 6 8,75 5 11,75 3 8,9 10,85", rank="9/17", rank_style="trong_so", change="+3",
         change_style="words", classification="Tốt", records=(2060, 2048, 2041, 1500, 1498), staff=(20, 18),
         plants=[], tricky=["last_year"], overall_style="tham_dinh", qty_words="r6", date_style="dash"),
    dict(name="phuoc-hung-2023", fmt="docx", layout="prose_a", unit="Phước Hưng", level="xã", district="Long Điền",
         province="Bà Rịa - Vũng Tàu", year=2023, date="2024-01-24", number="11/BC-UBND", signer="Trương Văn Hưng",
         maxima="M3", scores="9 7,5 20 5,5 11 5,5 10,5 3 7,2 11,3", rank="4/7", rank_style="thu_hang",
         change="+2", change_style="words", classification="Xuất sắc", records=(1520, 1510, 1506, 990, 989),
         staff=(21, 20), plants=[("conflict_records", 1545), ("both", 7)], tricky=[], overall_style="tuong_ung",
         crit_rank_style="thu_hang", qty_words="r6", list_words="r6"),
    dict(name="my-hoa-hung-2021", fmt="pdf", layout="table_self", unit="Mỹ Hòa Hưng", level="xã",
         district="thành phố Long Xuyên", province="An Giang", year=2021, date="2022-01-25", number="04/BC-UBND",
         signer="Lâm Văn Hưng", maxima="M5", scores="12 4,5 17 5,5 11 6 11 3,5 9,1 10,9", rank="3/13",
         rank_style="trong_so", change="=", classification="Xuất sắc", records=(860, 855, 853, 400, 400),
         staff=(18, 18), plants=[], tricky=["self_column"], overall_style="tham_dinh", date_style="dash"),
    dict(name="chau-thanh-2024", fmt="conv_soffice", layout="prose_l", unit="Châu Thành", level="thị trấn",
         district="Châu Thành", province="Bến Tre", year=2024, date="2025-01-14", number="05/BC-UBND",
         signer="Nguyễn Thị Thành", maxima="M4", scores="12,5 5 18 5,5 9 5,5 11 2,5 9,8 10,7", rank="2/22",
         rank_style="thu_hang", change="+1", change_style="was", classification="Tốt",
         records=(1745, 1736, 1733, 1400, 1400), staff=(20, 20), plants=[("missing", 9), ("pct_overall", "91,50")],
         tricky=[], overall_style="tuong_ung"),
    dict(name="quang-thanh-2022", fmt="docx", layout="prose_k", unit="Quảng Thành", level="xã", district="Quảng Điền",
         province="Thừa Thiên Huế", year=2022, date="2023-01-30", number="12/BC-UBND", signer="Hồ Văn Thành",
         maxima="M3", scores="8,75 7 19 5 10,5 5,5 10 3 7 10,25", rank="6/16", rank_style="trong_so", change="-1",
         change_style="was", classification="Tốt", records=(1260, 1252, 1249, 700, 700), staff=(19, 18),
         plants=[("date_ref", "10/02/2023"), ("pct", 1, "89,50")], tricky=[], overall_style="tham_dinh",
         date_style="dash"),
    dict(name="gio-quang-2023", fmt="conv_lines", layout="prose_f", unit="Gio Quang", level="xã", district="Gio Linh",
         province="Quảng Trị", year=2023, date="2024-01-26", number="09/BC-UBND", signer="Lê Văn Quang", maxima="M6",
         scores="10,75 5 18,5 5,5 11 5,5 10,5 3,5 8,8 10,7", rank="7/19", rank_style="trong_so", change="-2",
         change_style="words", classification="Tốt", records=(1410, 1400, 1396, 850, 850), staff=(19, 19),
         plants=[], tricky=["last_year"], overall_style="tham_dinh", list_words="r6", item_style="r6",
         qty_words="r6"),
    dict(name="vinh-thanh-2024", fmt="txt", layout="prose_l", unit="Vĩnh Thanh", level="xã", district="Nhơn Trạch",
         province="Đồng Nai", year=2024, date="2025-01-17", number="07/BC-UBND", signer="Phan Văn Thanh",
         maxima="M1", scores="14 5 17 6 10 6,5 10,5 1,75 12,5 9,25", rank="2/18", rank_style="thu_hang",
         change="+1", change_style="was", classification="Xuất sắc", records=(2420, 2405, 2401, 1800, 1800),
         staff=(21, 21), plants=[("year_heading", 2023), ("pct_qty", "99,10")], tricky=[], overall_style="tuong_ung",
         crit_rank_style="thu_hang", qty_words="r6"),
    dict(name="tam-phuoc-2020", fmt="docx_autonum", layout="table_self", unit="Tam Phước", level="xã",
         district="Phú Ninh", province="Quảng Nam", year=2020, date="2021-01-21", number="03/BC-UBND",
         signer="Trần Văn Phước", maxima="M2", scores="10 5 17,5 6 8,5 5 11 3 8,25 10,75", rank="10/14",
         rank_style="trong_so", change="-3", change_style="words", classification="Khá",
         records=(905, 900, 897, 310, 310), staff=(18, 16), plants=[], tricky=["staff_cadres"],
         overall_style="tham_dinh", qty_words="r6", titles={7: "Hiện đại hóa hành chính"}),

    # seventh round (ROUND_7): not measured by the examiner
    dict(name="cam-duong-2023", fmt="docx", layout="table", unit="Cam Đường", level="phường",
         district="thành phố Lào Cai", province="Lào Cai", year=2023, date="2024-01-18", number="12/BC-UBND",
         signer="Hoàng Văn Đường", maxima="M7", scores="11 5 17,5 5,5 9,75 5,5 11,25 2,5 10,6 10,4", rank="4/17",
         rank_style="digits", change="+2", classification="Tốt", records=(1865, 1851, 1848, 1320, 1320),
         staff=(20, 19), plants=[("pct", 5, "86,64")], tricky=["prev_year"], table_groups=True, sections_abc=True,
         prev_score="86,15"),
    dict(name="tan-thinh-2022", fmt="pdf", layout="table", unit="Tân Thịnh", level="xã", district="thành phố Yên Bái",
         province="Yên Bái", year=2022, date="2023-01-13", number="04/BC-UBND", signer="Nông Văn Thịnh", maxima="M1",
         scores="13,5 5 16 5,5 10 6,5 10,5 1,5 12,2 9,1", rank="6/12", rank_style="digits_of", change="-1",
         classification="Tốt", records=(1120, 1111, 1109, 690, 690), staff=(19, 18), plants=[],
         tricky=["group_rows", "remarks"], table_groups=True),
    dict(name="y-la-2024", fmt="conv_soffice", layout="table", unit="Ỷ La", level="phường",
         district="thành phố Tuyên Quang", province="Tuyên Quang", year=2024, date="2025-01-16", number="08/BC-UBND",
         signer="Ma Thị La", maxima="M2", scores="11 5,5 18 6,5 9 5,5 12 3,5 8,6 10,9", rank="2/13",
         rank_style="digits", change="+1", classification="Xuất sắc", records=(2030, 2018, 2015, 1700, 1699),
         staff=(21, 20), plants=[("total", "91,50"), ("year_closing", 2023)], tricky=[], table_groups=True),
    dict(name="chieng-coi-2021", fmt="conv_lines", layout="prose_a", unit="Chiềng Cơi", level="phường",
         district="thành phố Sơn La", province="Sơn La", year=2021, date="2022-01-24", number="06/BC-UBND",
         signer="Lò Văn Cơi", maxima="M3", scores="9 7 20 5,5 11 5,5 10,5 3,5 7,1 10,8", rank="3/12",
         rank_style="digits", change="=", classification="Tốt", records=(1410, 1402, 1399, 800, 800), staff=(20, 19),
         plants=[], tricky=["annex_same", "bullets"], annex=True, bullets=True),
    dict(name="hoang-dong-2023", fmt="txt", layout="prose_b", unit="Hoàng Đồng", level="xã",
         district="thành phố Lạng Sơn", province="Lạng Sơn", year=2023, date="2024-01-22", number="10/BC-UBND",
         signer="Vi Văn Đồng", maxima="M4", scores="12,5 5,5 17,5 5,5 9 5 10,5 2,5 9,4 10,6", rank="5/16",
         rank_style="digits", change="-1", classification="Tốt", records=(1290, 1281, 1277, 750, 750), staff=(21, 19),
         plants=[("annex_score", 3, "18,5"), ("conflict_staff", 23)], tricky=[], annex=True),
    dict(name="de-tham-2022", fmt="docx_autonum", layout="prose_f", unit="Đề Thám", level="phường",
         district="thành phố Cao Bằng", province="Cao Bằng", year=2022, date="2023-01-19", number="05/BC-UBND",
         signer="Nông Thị Thám", maxima="M5", scores="12 4 17 5,5 10,5 6 10,75 3 8,8 10,2", rank="4/11",
         rank_style="digits", change="+1", classification="Tốt", records=(1530, 1519, 1515, 900, 899), staff=(20, 18),
         plants=[("pct", 5, "82.50")], tricky=["dot_pct"], pct_dot=True, recipient_counts=True),
    dict(name="thanh-xuong-2024", fmt="pdf", layout="prose_l", unit="Thanh Xương", level="xã", district="Điện Biên",
         province="Điện Biên", year=2024, date="2025-01-20", number="09/BC-UBND", signer="Lò Văn Xương", maxima="M6",
         scores="11 4,5 18,75 5,5 10,5 5,5 10,75 3,5 8,9 10,8", rank="5/25", rank_style="digits", change="-1",
         classification="Tốt", records=(1640, 1630, 1627, 1200, 1200), staff=(21, 20), plants=[],
         tricky=["two_places", "prev_year", "round_double"], two_places=True, prev_score="87,20"),
    dict(name="loc-ninh-2020", fmt="docx", layout="prose_a", unit="Lộc Ninh", level="xã", district="thành phố Đồng Hới",
         province="Quảng Bình", year=2020, date="2021-01-20", number="03/BC-UBND", signer="Trần Văn Ninh", maxima="M2",
         scores="10,5 5 17,5 6 8,5 5 11 3 8,25 10,5", rank="7/16", rank_style="digits", change="+1",
         classification="Tốt", records=(960, 954, 951, 300, 300), staff=(18, 17),
         plants=[("full_lost", 1), ("date_ref", "25/01/2021")], tricky=[], sections_abc=True,
         titles={3: "CCTTHC", 5: "CC chế độ công vụ", 7: "Hiện đại hóa hành chính"}),
    dict(name="nghia-ky-2023", fmt="conv_flow", layout="prose_b", unit="Nghĩa Kỳ", level="xã", district="Tư Nghĩa",
         province="Quảng Ngãi", year=2023, date="2024-01-25", number="11/BC-UBND", signer="Phạm Văn Kỳ", maxima="M1",
         scores="14 5 17 6 10 6,5 10,5 1,75 12,6 9,4", rank="2/15", rank_style="digits", change="+3",
         classification="Xuất sắc", records=(1760, 1749, 1745, 1300, 1300), staff=(20, 20),
         plants=[("pct_overall", "93,75")], tricky=["prev_year"], bullets=True, prev_score="90,40"),
    dict(name="lat-2022", fmt="txt", layout="table_text", unit="Lát", level="xã", district="Lạc Dương",
         province="Lâm Đồng", year=2022, date="2023-01-12", number="02/BC-UBND", signer="Cil Ha Lát", maxima="M3",
         scores="9,5 7,5 19,5 5 11 5,5 11 3,5 7,2 10,6", rank="1/10", rank_style="digits", change="=",
         classification="Xuất sắc", records=(962, 955, 953, 400, 400), staff=(18, 17),
         plants=[("conflict_records", 980)], tricky=["two_places", "dot_pct"], two_places=True, pct_dot=True),
    dict(name="ia-kring-2024", fmt="docx", layout="table", unit="Ia Kring", level="xã", district="thành phố Pleiku",
         province="Gia Lai", year=2024, date="2025-01-14", number="07/BC-UBND", signer="Rơ Châm Kring", maxima="M4",
         scores="13 5,5 18 6 9,5 5,5 11 2,5 10,2 11,1", rank="3/22", rank_style="digits", change="+2",
         classification="Xuất sắc", records=(1180, 1172, 1170, 900, 900), staff=(19, 18), plants=[],
         tricky=["group_rows", "remarks", "annex_same", "staff_cadres"], table_groups=True, annex=True,
         recipient_counts=True),
    dict(name="hao-duoc-2021", fmt="pdf", layout="prose_k", unit="Hảo Đước", level="xã", district="Châu Thành",
         province="Tây Ninh", year=2021, date="2022-01-21", number="05/BC-UBND", signer="Lê Văn Đước", maxima="M5",
         scores="11,5 4,5 17 5 11 6,5 10,5 3,5 9 10,5", rank="6/14", rank_style="digits", change="-2",
         classification="Tốt", records=(1050, 1043, 1040, 600, 600), staff=(19, 18), plants=[], tricky=["dot_pct"],
         pct_dot=True),
    dict(name="my-phong-2022", fmt="conv_soffice", layout="prose_a", unit="Mỹ Phong", level="xã",
         district="thành phố Mỹ Tho", province="Tiền Giang", year=2022, date="2023-01-17", number="06/BC-UBND",
         signer="Nguyễn Văn Phong", maxima="M6", scores="10,5 5 18 5,5 10 5 11 3 8,7 10,9", rank="8/17",
         rank_style="digits", change="+1", classification="Tốt", records=(1330, 1322, 1318, 850, 850), staff=(20, 19),
         plants=[("annex_score", 7, "11,5"), ("both", 3)], tricky=[], annex=True, bullets=True),
    dict(name="tan-ngai-2023", fmt="docx_autonum", layout="prose_j", unit="Tân Ngãi", level="xã",
         district="thành phố Vĩnh Long", province="Vĩnh Long", year=2023, date="2024-01-23", number="04/BC-UBND",
         signer="Võ Văn Ngãi", maxima="M7", scores="11,5 4,5 18 5,5 10 5,5 12 2,5 11 10,7", rank="2/11",
         rank_style="digits", change="+1", classification="Xuất sắc", records=(1490, 1481, 1478, 1000, 1000),
         staff=(20, 20), plants=[], tricky=["prev_year", "received_resolved"], sections_abc=True, prev_score="88,60"),
    dict(name="giong-rieng-2025", fmt="txt", layout="prose_g", unit="Giồng Riềng", level="thị trấn",
         district="Giồng Riềng", province="Kiên Giang", year=2025, date="2026-01-15", number="03/BC-UBND",
         signer="Danh Văn Riềng", maxima="M1", scores="13,5 5 16,5 6 10,5 6 10 1,75 12 9,2", rank="1/19",
         rank_style="digits", change="+2", classification="Xuất sắc", records=(2210, 2198, 2196, 2000, 2000),
         staff=(22, 21), plants=[("deduction", 3, "0,5"), ("year_heading", 2024)], tricky=["two_places"],
         two_places=True, recipient_counts=True),
    dict(name="ly-van-lam-2022", fmt="conv_lines", layout="table", unit="Lý Văn Lâm", level="xã",
         district="thành phố Cà Mau", province="Cà Mau", year=2022, date="2023-01-11", number="01/BC-UBND",
         signer="Trần Văn Lâm", maxima="M1", scores="12,5 4,5 16,5 5,5 9,5 6 10,5 1,5 11,5 8,9", rank="9/17",
         rank_style="digits", change="-1", classification="Tốt", records=(1480, 1466, 1460, 700, 699),
         staff=(19, 18), plants=[("above_max", 8, "2,5"), ("pct_qty", "97,59")], tricky=["dot_pct"],
         table_groups=True, pct_dot=True, prev_score="88,40"),

    # eighth round (ROUND_8): not measured by the examiner
    dict(name="ea-hdinh-2023", fmt="txt", layout="prose_a", unit="Ea H'đinh", level="xã", district="Cư M'gar",
         province="Đắk Lắk", year=2023, date="2024-01-19", number="07/BC-UBND", signer="Y Khu Niê", maxima="M8",
         scores="11,5 5,5 17,25 5,5 10 5,5 10,5 2,5 9,6 10,4", rank="7/17", rank_style="vi_tri_thu", change="+3",
         change_style="truoc", classification="Tốt", records=(1345, 1331, 1327, 820, 820), staff=(20, 18),
         plants=[("pct", 3, "88,25"), ("conflict_staff", 22)], tricky=["village"], unnumbered=True, pct_words=True,
         village="buôn Ea Kmar"),
    dict(name="ia-toi-2022", fmt="docx", layout="table", unit="Ia Tơi", level="xã", district="Ia H'Drai",
         province="Kon Tum", year=2022, date="2023-01-16", number="03/BC-UBND", signer="Rơ Mah Tơi", maxima="M3",
         scores="8,5 7 19,5 5 10,5 5 10,5 3 6,9 10,6", rank="4/10", rank_style="digits", change="+1",
         classification="Tốt", records=(612, 604, 603, 250, 250), staff=(18, 16), plants=[],
         tricky=["half_year", "received_resolved"], table_cols="score_first", table_split=True),
    dict(name="do-vinh-2024", fmt="pdf", layout="prose_b", unit="Đô Vinh", level="phường",
         district="thành phố Phan Rang - Tháp Chàm", province="Ninh Thuận", year=2024, date="2025-01-17",
         number="05/BC-UBND", signer="Đàng Văn Vinh", maxima="M5", scores="12 4,5 17,5 5,5 10,25 6,5 11 3,5 8,7 10,8",
         rank="2/16", rank_style="vi_tri_thu", change="=", classification="Xuất sắc",
         records=(2140, 2127, 2125, 1800, 1799), staff=(21, 20), plants=[], tricky=["half_year", "staff_cadres"],
         pct_space=True, running_header=True),
    dict(name="phan-ri-cua-2021", fmt="conv_soffice", layout="prose_f", unit="Phan Rí Cửa", level="thị trấn",
         district="Tuy Phong", province="Bình Thuận", year=2021, date="2022-01-14", number="02/BC-UBND",
         signer="Nguyễn Văn Cửa", maxima="M6", scores="10,5 4,5 18 5 10,5 5 10,5 3 8,6 10,4", rank="3/15",
         rank_style="digits", change="-1", classification="Tốt", records=(1980, 1966, 1960, 900, 900), staff=(22, 21),
         plants=[("total", "87,60")], tricky=[], pct_space=True, overall_style="closing_total", running_header=True),
    dict(name="hoa-xuan-tay-2020", fmt="docx_autonum", layout="prose_g", unit="Hòa Xuân Tây", level="xã",
         district="thị xã Đông Hòa", province="Phú Yên", year=2020, date="2021-01-12", number="04/BC-UBND",
         signer="Trần Văn Tây", maxima="M2", scores="10,5 5 17 6 8,5 5,5 11 3 8,4 10,6", rank="5/10",
         rank_style="vi_tri_thu", change="+2", classification="Tốt", records=(870, 862, 860, 200, 200), staff=(19, 17),
         plants=[], tricky=["staff_cadres", "round_double"]),
    dict(name="hoa-luu-2022", fmt="pdf", layout="prose_g", unit="Hỏa Lựu", level="xã", district="thành phố Vị Thanh",
         province="Hậu Giang", year=2022, date="2023-01-18", number="06/BC-UBND", signer="Lê Văn Lựu", maxima="M1",
         scores="13 4,5 16 5,5 9,5 6 10 1,5 12,4 8,6", rank="6/9", rank_style="digits", change="-2",
         classification="Tốt", records=(1436, 1420, 1417, 900, 900), staff=(19, 18),
         plants=[("both", 3), ("conflict_records", 1390)], tricky=["dot_decimal"], dot_decimal=True),
    dict(name="dai-an-2-2023", fmt="conv_lines", layout="table", unit="Đại Ân 2", level="xã", district="Trần Đề",
         province="Sóc Trăng", year=2023, date="2024-01-22", number="08/BC-UBND", signer="Thạch Thị Ân", maxima="M4",
         scores="12,5 5,5 17,5 5,5 9 5,5 10,5 2,5 9,2 10,3", rank="8/11", rank_style="digits", change="+1",
         classification="Tốt", records=(1210, 1198, 1195, 640, 640), staff=(20, 19),
         plants=[("full_lost", 1), ("date_ref", "29/01/2024")], tricky=[], table_cols="score_first", footnote=True),
    dict(name="chau-hung-2024", fmt="txt", layout="prose_c", unit="Châu Hưng", level="thị trấn", district="Vĩnh Lợi",
         province="Bạc Liêu", year=2024, date="2025-01-10", number="01/BC-UBND", signer="Lâm Văn Hưng", maxima="M7",
         scores="10,5 4,5 17,5 5,5 9,5 5 11,5 2,5 10,4 10,6", rank="2/8", rank_style="digits", change="+1",
         classification="Tốt", records=(1620, 1608, 1601, 1100, 1100), staff=(21, 20),
         plants=[("gap", 6, "5"), ("pct_qty", "99,10")], tricky=[], pct_space=True),
    dict(name="long-duc-2021", fmt="conv_flow", layout="prose_a", unit="Long Đức", level="xã",
         district="thành phố Trà Vinh", province="Trà Vinh", year=2021, date="2022-01-20", number="05/BC-UBND",
         signer="Thạch Văn Đức", maxima="M8", scores="12 5 17,5 5,5 9,5 5 10,75 2,5 9,4 10,1", rank="1/9",
         rank_style="vi_tri_thu", change="+2", classification="Tốt", records=(1105, 1096, 1094, 500, 500),
         staff=(19, 18), plants=[], tricky=["half_year", "last_year"], overall_style="closing_total"),
    dict(name="my-phu-2023", fmt="docx", layout="prose_b", unit="Mỹ Phú", level="phường",
         district="thành phố Cao Lãnh", province="Đồng Tháp", year=2023, date="2024-01-15", number="09/BC-UBND",
         signer="Nguyễn Thị Phú", maxima="M2", scores="10,5 5,5 17,5 6,5 8,5 5 11,5 3,5 8,8 10,7", rank="4/15",
         rank_style="digits", change="-1", classification="Tốt", records=(2310, 2296, 2290, 1900, 1900),
         staff=(20, 19), plants=[("year_title", 2022), ("deduction", 1, "0,5")], tricky=[], pct_space=True),
    dict(name="phuong-thien-2022", fmt="pdf", layout="table", unit="Phương Thiện", level="xã",
         district="thành phố Hà Giang", province="Hà Giang", year=2022, date="2023-01-11", number="02/BC-UBND",
         signer="Hoàng Văn Thiện", maxima="M1", scores="13,5 4,5 16,5 5,5 10 6 10,5 1,75 12,4 9", rank="3/8",
         rank_style="digits", change="=", classification="Tốt", records=(780, 774, 772, 420, 420), staff=(19, 18),
         plants=[("pct", 7, "95,45"), ("conflict_staff", 21)], tricky=[], table_cols="score_first", table_split=True,
         running_header=True),
    dict(name="duc-xuan-2024", fmt="conv_soffice", layout="prose_a", unit="Đức Xuân", level="phường",
         district="thành phố Bắc Kạn", province="Bắc Kạn", year=2024, date="2025-01-21", number="10/BC-UBND",
         signer="Hà Thị Xuân", maxima="M3", scores="9 7 19,5 5,5 11 5,5 10,5 3,5 7,1 11,2", rank="2/8",
         rank_style="digits", change="+1", classification="Tốt", records=(1530, 1519, 1517, 1300, 1300),
         staff=(20, 19), plants=[], tricky=["staff_cadres", "half_year"], pct_words=True, footnote=True),
    dict(name="ban-giang-2020", fmt="txt", layout="prose_d", unit="Bản Giang", level="xã", district="Tam Đường",
         province="Lai Châu", year=2020, date="2021-01-18", number="03/BC-UBND", signer="Lò Văn Giang", maxima="M5",
         scores="11 4 16,5 5 10 6 10,5 3 8,4 10,6", rank="6/13", rank_style="digits", change="-1",
         classification="Tốt", records=(690, 684, 682, 150, 150), staff=(18, 17),
         plants=[("missing", 8), ("rank_oor", 4, "14/13")], tricky=["village"], crit_ranks={4: "14/13"},
         village="bản Nà Đon"),
    dict(name="tan-khai-2025", fmt="docx_autonum", layout="prose_f", unit="Tân Khai", level="thị trấn",
         district="Hớn Quản", province="Bình Phước", year=2025, date="2026-01-13", number="02/BC-UBND",
         signer="Điểu Văn Khai", maxima="M6", scores="10,5 4,5 18,5 5,5 10,5 5 11 3 8,3 10,7", rank="3/13",
         rank_style="digits", change="+1", classification="Tốt", records=(1760, 1748, 1745, 1500, 1500),
         staff=(21, 19), plants=[("above_max", 4, "6,5"), ("pct_overall", "86,90")], tricky=[], pct_space=True),
    dict(name="ninh-xuan-2022", fmt="conv_lines", layout="prose_b", unit="Ninh Xuân", level="xã",
         district="thị xã Ninh Hòa", province="Khánh Hòa", year=2022, date="2023-01-09", number="01/BC-UBND",
         signer="Võ Văn Xuân", maxima="M1", scores="13 4,5 16 5,5 9,5 6,5 8,97 1,5 12,1 9,18", rank="9/26",
         rank_style="digits", change="+4", classification="Tốt", records=(1290, 1281, 1279, 700, 700), staff=(20, 19),
         plants=[], tricky=["round_7799", "received_resolved"], overall_style="closing_total"),
    dict(name="nghia-duc-2023", fmt="docx", layout="prose_b", unit="Nghĩa Đức", level="phường",
         district="thành phố Gia Nghĩa", province="Đắk Nông", year=2023, date="2024-01-26", number="12/BC-UBND",
         signer="Nguyễn Văn Đức", maxima="M8", scores="12 5 17,5 5,5 9,5 5,5 10,5 2,5 9,8 10,2", rank="5/8",
         rank_style="digits", change="-1", classification="Tốt", records=(1012, 1003, 1001, 700, 700), staff=(19, 18),
         plants=[("both", 5), ("year_heading", 2022)], tricky=["half_year"], pct_space=True),

    # ninth round (ROUND_9): not measured by the examiner
    dict(name="thai-my-2023", fmt="txt", layout="prose_m", unit="Thái Mỹ", level="xã", district="Củ Chi",
         province="Hồ Chí Minh", year=2023, date="2024-01-19", number="06/BC-UBND", signer="Nguyễn Văn Mỹ", maxima="M9",
         scores="10,5 5,5 16,75 5 9,5 6 10,25 2,5 10,4 10,6", rank="5/21", rank_style="digits", change="+2",
         classification="Tốt", records=(1640, 1627, 1624, 1100, 1100), staff=(21, 19),
         plants=[("pct", 3, "91"), ("conflict_staff", 23)], tricky=[], score_d=True, pct_places=0),
    dict(name="quynh-luong-2021", fmt="pdf", layout="prose_m", unit="Quỳnh Lương", level="xã", district="Quỳnh Lưu",
         province="Nghệ An", year=2021, date="2022-01-17", number="04/BC-UBND", signer="Hồ Văn Lương", maxima="M4",
         scores="12,5 5,5 17,5 5,5 9 5,5 10,5 2,5 9,6 10,4", rank="4/33", rank_style="trong_xa", change="+2",
         classification="Tốt", records=(2650, 2634, 2630, 1500, 1500), staff=(22, 21), plants=[],
         tricky=["quarter", "staff_cadres"], indicator_table=True),
    dict(name="long-hoa-2022", fmt="conv_lines", layout="prose_m", unit="Long Hòa", level="xã", district="Cần Giờ",
         province="Hồ Chí Minh", year=2022, date="2023-01-10", number="02/BC-UBND", signer="Lê Văn Hòa", maxima="M2",
         scores="10,5 5 17,75 6,5 8,5 5 11,5 3,5 8,6 10,4", rank="2/7", rank_style="digits", change="+1",
         classification="Tốt", records=(640, 633, 632, 450, 450), staff=(19, 18),
         plants=[("gap", 6, "5"), ("year_overall", 2023)], tricky=[], overall_style="toan_huyen"),
    dict(name="phu-thuong-2024", fmt="docx_autonum", layout="prose_n", unit="Phú Thượng", level="xã",
         district="Phú Vang", province="Thừa Thiên Huế", year=2024, date="2025-01-16", number="08/BC-UBND",
         signer="Trần Thị Thượng", maxima="M6", scores="10,5 4,5 18,5 5,5 10,5 5 11 3,5 8,7 10,8", rank="6/18",
         rank_style="digits", change="-1", classification="Tốt", records=(1870, 1858, 1855, 1400, 1400),
         staff=(20, 19), plants=[], tricky=["self_prose", "received_resolved"], self_prose=True),
    dict(name="cam-quan-2020", fmt="txt", layout="prose_n", unit="Cẩm Quan", level="xã", district="Cẩm Xuyên",
         province="Hà Tĩnh", year=2020, date="2021-01-14", number="03/BC-UBND", signer="Phan Văn Quan", maxima="M5",
         scores="11 4 16,5 5,5 10 6 10,5 3 8,5 10,5", rank="9/25", rank_style="digits", change="-2",
         classification="Tốt", records=(980, 972, 969, 300, 300), staff=(18, 17),
         plants=[("pct_qty", "98,40"), ("year_overall", 2021)], tricky=[], overall_style="toan_huyen", pct_places=0),
    dict(name="hai-ba-2022", fmt="conv_soffice", layout="prose_n", unit="Hải Ba", level="xã", district="Hải Lăng",
         province="Quảng Trị", year=2022, date="2023-01-12", number="05/BC-UBND", signer="Hoàng Văn Ba", maxima="M7",
         scores="10,5 4,5 17,5 5 9,5 5,5 11,5 2,5 10,2 10,8", rank="3/20", rank_style="digits", change="+2",
         classification="Tốt", records=(1120, 1112, 1110, 700, 700), staff=(19, 18),
         plants=[("above_max", 8, "3,5"), ("both", 3)], tricky=[]),
    dict(name="ngoc-lac-2023", fmt="docx", layout="prose_o", unit="Ngọc Lặc", level="thị trấn", district="Ngọc Lặc",
         province="Thanh Hóa", year=2023, date="2024-01-18", number="07/BC-UBND", signer="Bùi Văn Lặc", maxima="M8",
         scores="11,5 5 17,25 5,5 9,5 5,5 10,5 2,5 9,6 10,4", rank="4/22", rank_style="digits", change="+1",
         classification="Tốt", records=(1490, 1478, 1475, 1000, 1000), staff=(21, 20),
         plants=[("pct", 3, "82,25"), ("malformed", 5, "9,5/,11"), ("conflict_records", 1520)], tricky=[]),
    dict(name="bac-son-2024", fmt="conv_flow", layout="prose_o", unit="Bắc Sơn", level="thị trấn", district="Bắc Sơn",
         province="Lạng Sơn", year=2024, date="2025-01-15", number="01/BC-UBND", signer="Hoàng Thị Sơn", maxima="M3",
         scores="9 7 19,5 5,5 10,5 5 10,5 3,5 7,2 10,8", rank="2/20", rank_style="digits", change="=",
         classification="Tốt", records=(1240, 1231, 1229, 900, 900), staff=(20, 19), plants=[],
         tricky=["quarter", "last_year"]),
    dict(name="dak-mar-2021", fmt="pdf", layout="prose_o", unit="Đăk Mar", level="xã", district="Đăk Hà",
         province="Kon Tum", year=2021, date="2022-01-19", number="05/BC-UBND", signer="A Thuận", maxima="M1",
         scores="12,5 4,5 16 5,5 9,5 6 10 1,5 12 9,3", rank="5/12", rank_style="digits", change="+1",
         classification="Tốt", records=(720, 714, 713, 350, 350), staff=(18, 17),
         plants=[("missing", 6), ("rank_oor", 2, "13/12")], tricky=[], crit_ranks={2: "13/12"}),
    dict(name="vinh-loc-a-2023", fmt="docx", layout="table", unit="Vĩnh Lộc A", level="xã", district="Bình Chánh",
         province="Hồ Chí Minh", year=2023, date="2024-01-22", number="09/BC-UBND", signer="Phạm Văn Lộc", maxima="M2",
         scores="10,5 5,5 17 6,5 9 5 11,5 3,5 8,8 10,7", rank="3/16", rank_style="digits", change="+1",
         classification="Tốt", records=(4520, 4498, 4495, 3800, 3800), staff=(22, 21), plants=[],
         tricky=["two_year", "round_double"], two_year=True),
    dict(name="tan-tru-2022", fmt="pdf", layout="table", unit="Tân Trụ", level="thị trấn", district="Tân Trụ",
         province="Long An", year=2022, date="2023-01-13", number="02/BC-UBND", signer="Nguyễn Văn Trụ", maxima="M5",
         scores="11,5 4,5 16,5 5,5 10,25 6 10,5 3,5 8,6 10,4", rank="5/10", rank_style="digits", change="-1",
         classification="Tốt", records=(1050, 1042, 1040, 600, 600), staff=(19, 18),
         plants=[("pct", 5, "88,42"), ("full_lost", 3)], tricky=["two_year"], two_year=True),
    dict(name="luong-hoa-2024", fmt="conv_soffice", layout="table", unit="Lương Hòa", level="xã", district="Giồng Trôm",
         province="Bến Tre", year=2024, date="2025-01-20", number="04/BC-UBND", signer="Võ Thị Hòa", maxima="M4",
         scores="12,5 5 17,5 5,5 9 5,5 10,5 2,5 9,5 10,5", rank="4/21", rank_style="digits", change="+3",
         classification="Tốt", records=(1330, 1322, 1320, 950, 950), staff=(20, 19),
         plants=[("pct_overall", "86,00"), ("date_ref", "28/01/2025")], tricky=["two_year"], two_year=True,
         date_words=True),
    dict(name="tan-phu-2025", fmt="txt", layout="prose_b", unit="Tân Phú", level="thị trấn", district="Tân Phú",
         province="Đồng Nai", year=2025, date="2026-01-14", number="03/BC-UBND", signer="Đỗ Văn Phú", maxima="M9",
         scores="10,5 5,5 16,5 5,5 10 6 10,5 2,5 10,6 10,9", rank="3/18", rank_style="trong_xa", change="+1",
         classification="Tốt", records=(2210, 2196, 2193, 1900, 1900), staff=(21, 20), plants=[],
         tricky=["received_resolved", "half_year"], score_d=True, pct_places=0),
    dict(name="yen-trung-2022", fmt="docx_autonum", layout="prose_a", unit="Yên Trung", level="xã",
         district="Yên Phong", province="Bắc Ninh", year=2022, date="2023-01-16", number="06/BC-UBND",
         signer="Ngô Văn Trung", maxima="M3", scores="9,5 7 19 5,5 10,5 5,5 10,5 3 7,1 10,9", rank="6/14",
         rank_style="digits", change="-2", classification="Tốt", records=(1760, 1749, 1747, 1200, 1200),
         staff=(20, 19), plants=[], tricky=["village", "staff_cadres"], village="thôn Đông Xuyên", pct_places=0),
    dict(name="binh-thanh-2024", fmt="conv_lines", layout="prose_f", unit="Bình Thạnh", level="xã", district="Bình Sơn",
         province="Quảng Ngãi", year=2024, date="2025-01-13", number="10/BC-UBND", signer="Đinh Văn Thạnh", maxima="M8",
         scores="11 5 17,5 5,5 9,5 5 10,5 2,5 9,3 10,7", rank="7/24", rank_style="digits", change="-1",
         classification="Tốt", records=(1450, 1439, 1436, 980, 980), staff=(20, 18),
         plants=[("deduction", 1, "0,5"), ("year_title", 2023)], tricky=[]),
    dict(name="ia-blang-2020", fmt="docx", layout="prose_g", unit="Ia Blang", level="xã", district="Chư Sê",
         province="Gia Lai", year=2020, date="2021-01-15", number="01/BC-UBND", signer="Rơ Mah Blang", maxima="M1",
         scores="13 4,5 16,5 5,5 9,5 6,5 10 1,5 12,2 9,3", rank="8/15", rank_style="digits", change="+2",
         classification="Tốt", records=(860, 853, 851, 250, 250), staff=(18, 17),
         plants=[("total", "88,35"), ("bad_date", "31/06/2020"), ("deduction", 3, "0,5")], tricky=[],
         indicator_table=True),

    # tenth round (ROUND_10): not measured by the examiner
    dict(name="meo-vac-2023", fmt="txt", layout="prose_p", unit="Mèo Vạc", level="thị trấn", district="Mèo Vạc",
         province="Hà Giang", year=2023, date="2024-01-16", number="04/BC-UBND", signer="Vàng Mí Sính", maxima="M10",
         scores="11,5 5 16,5 6 9,5 5 10,5 3 8,4 10,6", rank="4/18", rank_style="hang_bare", change="+1",
         classification="Tốt", records=(830, 822, 820, 400, 400), staff=(19, 17),
         plants=[("pct", 5, "89,36"), ("conflict_staff", 21)], tricky=[], bullet="•", list_style="starred"),
    dict(name="muong-xen-2022", fmt="pdf", layout="prose_p", unit="Mường Xén", level="thị trấn", district="Kỳ Sơn",
         province="Nghệ An", year=2022, date="2023-01-13", number="02/BC-UBND", signer="Lô Văn Xén", maxima="M4",
         scores="12 5 17,5 5,5 8,5 5 10,5 2 9,3 10,2", rank="6/21", rank_style="digits", change="-2",
         classification="Tốt", records=(760, 752, 751, 380, 380), staff=(18, 17), plants=[],
         tricky=["words_parens", "staff_cadres"], bullet="–", list_style="lettered", words_parens=True),
    dict(name="mai-chau-2024", fmt="docx", layout="prose_a", unit="Mai Châu", level="thị trấn", district="Mai Châu",
         province="Hòa Bình", year=2024, date="2025-01-17", number="05/BC-UBND", signer="Hà Văn Châu", maxima="M10",
         scores="12 5,5 17 6 10 5,5 10,5 3,5 8,8 10,7", rank="2/23", rank_style="digits", change="+1",
         classification="Tốt", records=(1120, 1111, 1109, 800, 800), staff=(20, 19), plants=[],
         tricky=["restated", "typo_rank", "received_resolved"], restate=True, typo_rank=True),
    dict(name="xuan-hoa-2021", fmt="conv_lines", layout="prose_b", unit="Xuân Hòa", level="xã", district="Lập Thạch",
         province="Vĩnh Phúc", year=2021, date="2022-01-14", number="03/BC-UBND", signer="Nguyễn Văn Hòa", maxima="M2",
         scores="10,5 5 17,5 6 8,5 5 11 3 8,6 10,4", rank="5/19", rank_style="digits", change="-1",
         classification="Tốt", records=(990, 983, 981, 500, 500), staff=(19, 18),
         plants=[("restate", 3, "18,5"), ("year_closing", 2020)], tricky=[], restate=True),
    dict(name="an-thuong-2023", fmt="docx", layout="table", unit="An Thượng", level="xã", district="Yên Thế",
         province="Bắc Giang", year=2023, date="2024-01-19", number="07/BC-UBND", signer="Thân Văn Thượng", maxima="M10",
         scores="11 5 16 6,5 9,5 5 10 3 8,7 10,8", rank="7/17", rank_style="digits", change="+2",
         classification="Tốt", records=(1310, 1302, 1299, 900, 900), staff=(20, 18),
         plants=[("pct", 4, "95,86"), ("full_lost", 3)], tricky=[], two_row_header=True),
    dict(name="hop-thanh-2022", fmt="pdf", layout="table", unit="Hợp Thành", level="xã", district="Sơn Dương",
         province="Tuyên Quang", year=2022, date="2023-01-11", number="01/BC-UBND", signer="Hoàng Văn Thành",
         maxima="M6", scores="10,5 4,5 18 5,5 10 5 10,5 3 8,5 10,5", rank="3/28", rank_style="digits", change="=",
         classification="Tốt", records=(1540, 1531, 1529, 1100, 1100), staff=(21, 20), plants=[],
         tricky=["round_double", "online_all"], two_row_header=True),
    dict(name="trung-hoa-2024", fmt="conv_soffice", layout="table", unit="Trung Hóa", level="xã", district="Minh Hóa",
         province="Quảng Bình", year=2024, date="2025-01-14", number="06/BC-UBND", signer="Đinh Văn Trung", maxima="M5",
         scores="11,5 4,5 16 5 10,5 6 10 3,5 8,4 10,6", rank="5/15", rank_style="digits", change="+3",
         classification="Tốt", records=(720, 714, 713, 500, 500), staff=(18, 17),
         plants=[("total", "87,00"), ("date_ref", "20/01/2025")], tricky=[], two_row_header=True),
    dict(name="thach-da-2022", fmt="docx", layout="table_end", unit="Thạch Đà", level="xã", district="Mê Linh",
         province="Hà Nội", year=2022, date="2023-01-12", number="04/BC-UBND", signer="Nguyễn Văn Đà", maxima="M3",
         scores="8,5 6,5 19 5 10,5 5 10 3 6,9 10,6", rank="9/16", rank_style="digits", change="-1",
         classification="Tốt", records=(2010, 1998, 1995, 1500, 1500), staff=(21, 19),
         plants=[("pct", 2, "84,25"), ("both", 5)], tricky=[]),
    dict(name="nghia-thang-2023", fmt="pdf", layout="table_end", unit="Nghĩa Thắng", level="xã", district="Đắk R'lấp",
         province="Đắk Nông", year=2023, date="2024-01-18", number="08/BC-UBND", signer="Y Thắng", maxima="M8",
         scores="11 5 17,5 5 9,5 5 10,5 2,5 9,4 10,6", rank="4/10", rank_style="digits", change="+1",
         classification="Tốt", records=(880, 873, 871, 600, 600), staff=(19, 18), plants=[],
         tricky=["last_year", "field_subset"]),
    dict(name="tan-binh-2021", fmt="conv_flow", layout="table_end", unit="Tân Bình", level="phường",
         district="thành phố Đồng Xoài", province="Bình Phước", year=2021, date="2022-01-20", number="05/BC-UBND",
         signer="Trần Văn Bình", maxima="M1", scores="13 4,5 16 5,5 9,5 6 10 1,5 12,1 9,4", rank="9/8",
         rank_style="digits", change="+1", classification="Tốt", records=(1450, 1440, 1437, 1000, 1000), staff=(20, 19),
         plants=[("rank_oor", "overall", "9/8"), ("deduction", 1, "0,5")], tricky=[], rank_override="9/8",
         two_row_header=True),
    dict(name="tien-phuong-2023", fmt="txt", layout="prose_f", unit="Tiên Phương", level="xã", district="Chương Mỹ",
         province="Hà Nội", year=2023, date="2024-01-12", number="05/BC-UBND", signer="Nguyễn Văn Phương", maxima="M9",
         scores="10,5 5 16,5 5,5 9,5 6 10,5 2,5 10,2 10,8", rank="4/32", rank_style="digits", change="+2",
         classification="Tốt", records=(2630, 2614, 2611, 2000, 2000), staff=(22, 21),
         plants=[("total", "88,00")], tricky=[], duplicate_of="tien-phuong-2023-bs"),
    dict(name="tien-phuong-2023-bs", fmt="docx_autonum", layout="prose_a", unit="Tiên Phương", level="xã",
         district="Chương Mỹ", province="Hà Nội", year=2023, date="2024-01-22", number="09/BC-UBND",
         signer="Nguyễn Văn Phương", maxima="M9", scores="10,5 5 16,5 5,5 9,5 6 10,5 2,5 10,2 10,8", rank="4/32",
         rank_style="digits", change="+2", classification="Tốt", records=(2630, 2614, 2611, 2000, 2000), staff=(22, 21),
         plants=[], tricky=["revised"], revises=("05/BC-UBND", "2024-01-12"), duplicate_of="tien-phuong-2023"),
    dict(name="muong-khuong-2025", fmt="txt", layout="prose_a", unit="Mường Khương", level="thị trấn",
         district="Mường Khương", province="Lào Cai", year=2025, date="2026-01-15", number="02/BC-UBND",
         signer="Lù Văn Khương", maxima="M7", scores="10,5 4,5 17 5 9,5 5 11 2,5 10,1 10,4", rank="3/16",
         rank_style="digits", change="+1", classification="Tốt", records=(640, 634, 633, 300, 300), staff=(18, 17),
         plants=[("malformed", 4, "5 /,6"), ("pct", 7, "74,62")], tricky=[], typo_scores=(2, 6, 9), typo_rank=True),
    dict(name="ta-xua-2020", fmt="docx", layout="prose_p", unit="Tà Xùa", level="xã", district="Bắc Yên",
         province="Sơn La", year=2020, date="2021-01-15", number="01/BC-UBND", signer="Mùa A Xùa", maxima="M1",
         scores="12,5 4 15,5 5 9 6 9,5 1,5 11,8 9,2", rank="5/15", rank_style="digits", change="-1",
         classification="Tốt", records=(540, 535, 534, 200, 200), staff=(17, 16), plants=[],
         tricky=["words_parens", "typo_scores"], bullet="–", list_style="starred", words_parens=True,
         typo_scores=(3, 8)),
    dict(name="vinh-thinh-2021", fmt="docx_autonum", layout="table_end", unit="Vĩnh Thịnh", level="xã",
         district="Vĩnh Tường", province="Vĩnh Phúc", year=2021, date="2022-01-18", number="06/BC-UBND",
         signer="Lê Văn Thịnh", maxima="M10", scores="11,5 5 16,5 6 9,5 5,5 10,5 3 8,6 10,4", rank="6/29",
         rank_style="digits", change="+2", classification="Tốt", records=(1680, 1669, 1667, 1200, 1200), staff=(20, 19),
         plants=[("conflict_records", 1712), ("missing", 8)], tricky=[]),
    dict(name="bao-lac-2022", fmt="conv_lines", layout="prose_p", unit="Bảo Lạc", level="thị trấn", district="Bảo Lạc",
         province="Cao Bằng", year=2022, date="2023-01-17", number="03/BC-UBND", signer="Nông Văn Lạc", maxima="M8",
         scores="11,5 5 17 5,5 9,5 5 10,5 2,5 9,2 10,8", rank="2/17", rank_style="digits", change="+1",
         classification="Tốt", records=(910, 903, 901, 600, 600), staff=(19, 18),
         plants=[("restate", 7, "9,5"), ("pct_qty", "98,50")], tricky=[], bullet="•", list_style="starred",
         restate=True),
]
for _spec in SPECS:  # rounds 8-10: a criterion's change never puts last year's rank at 0 or below (1-7 as written)
    if _spec["name"] in ROUND_8 | ROUND_9 | ROUND_10:
        _spec["plausible_changes"] = True
