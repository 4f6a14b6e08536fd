"""conflicting_values measured on sentence pairs written for it: the same population stated twice with two
values (positives) beside pairs that must never be compared (negatives), so precision is measured.

Each sentence is read by the extractor (``find_quantities``) as a report prints it; the two quantities go
into one record of a 2023 report and the rule runs on it. A positive is found when the rule gives one
finding whose two values are the pair's; a negative when it gives none. The table printed at the end
(``pytest -s``) is the precision and recall on these pairs; they are the rule's specification, so both
must be 1. Whole reports (text and DOCX) then put such pairs sections apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.api import extract_file
from cchc.checker import run_rules
from cchc.extractors.quantities import as_record_quantity, find_quantities, read_stated_quantity
from cchc.schemas.record import Evidence, Finding, Meta, Quantity, Record, Source
from cchc.settings import DEFAULT_SETTINGS

# the same population (counted noun, stage, scopes, period) stated with two wholes, or the same part of it
# (same numerator qualifiers) with two counts
POSITIVES: list[tuple[str, str]] = [
    (  # the staff's total named before "; trong đó", its part after it (issue 11, held-out round 6): 22 vs 24
        "- Tổng số cán bộ, công chức của xã: 22 người; trong đó đạt chuẩn 21/22 người (95,45%).",
        "Đội ngũ cán bộ, công chức vẫn còn 1/24 người chưa đạt chuẩn theo quy định của chức danh đảm nhiệm.",
    ),
    (  # the staff named again in a clause after "nhưng", the words before it ("tuy đã được nâng lên") no part of it
        "Tổng số cán bộ, công chức đạt chuẩn của UBND xã là 21/22 người, đạt 95,45%.",
        ("Chất lượng đội ngũ cán bộ, công chức tuy đã được nâng lên nhưng vẫn còn 1/24 cán bộ, công chức chưa đạt "
         "chuẩn theo quy định."),
    ),
    (  # issue 11: "hồ sơ TTHC" counts records on both sides; "đúng hạn" narrows the numerator, not the whole
        "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: 899/899.",
        "Tỷ lệ hồ sơ TTHC được xử lý trực tuyến có 727/1.039 tổng số hồ sơ TTHC được giải quyết trong năm.",
    ),
    (  # the Minh Đức sample's staff: đạt chuẩn and chưa đạt chuẩn are two parts of one staff
        ("Tổng số cán bộ, công chức đạt chuẩn của UBND xã là 2/19 do chủ tịch Hội nông dân xã và Công chức Tài "
        "chính Kế toán có trình độ Trung cấp."),
        "Đội ngũ cán bộ, công chức của xã vẫn còn 2/10 chưa đạt chuẩn.",
    ),
    (  # the Minh Đức sample's records resolved in the year
        "Tỷ lệ hồ sơ năm 2023 giải quyết đúng hạn: 3150/3155=99,8%, do có 05 hồ sơ bị trễ hạn do phần mềm hệ thống.",
        ("Tỷ lệ hồ sơ TTHC được xử lý trực tuyến mức độ 3, 4 có 2.252/3.177 tổng số hồ sơ TTHC được giải quyết "
        "trong năm, đạt tỷ lệ 70,9%."),
    ),
    (  # "tổng số b …, trong đó a …"
        "Tổng số 1.039 hồ sơ TTHC được giải quyết trong năm, trong đó 1.030 hồ sơ giải quyết đúng hạn.",
        "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: 899/899.",
    ),
    (  # "a trên b" with the whole's stage after its noun
        "Giải quyết đúng hạn 1.020 trên 1.040 hồ sơ tiếp nhận.",
        "Tổng số hồ sơ tiếp nhận trong năm là 1.045 hồ sơ, trong đó 300 hồ sơ tiếp nhận trực tuyến.",
    ),
    (  # "a trên tổng số b"; "trước hạn" and "đúng hạn" are parts of one whole
        "Có 95 trên tổng số 98 hồ sơ được giải quyết trước hạn.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 100/100 (100%).",
    ),
    (  # "đạt a/b (c%)"
        "Số cán bộ, công chức đạt chuẩn đạt 17/19 (89,5%).",
        "Cán bộ, công chức đạt chuẩn theo quy định là 17/20 người.",
    ),
    (  # one whole, one part, two counts
        "Hồ sơ giải quyết đúng hạn: 1.180/1.200 hồ sơ.",
        "Trong năm giải quyết đúng hạn 1.185/1.200 hồ sơ.",
    ),
    (  # procedures published: the list of procedures, a noun with its own modifiers
        "Công khai 98/120 TTHC thuộc thẩm quyền giải quyết của UBND xã.",
        "UBND xã đang thực hiện 118 TTHC thuộc thẩm quyền giải quyết, trong đó 98 TTHC đã được công khai.",
    ),
    (  # documents sent; "được ký số" says how the part was handled
        "Tỷ lệ văn bản đi được ký số: 450/500 văn bản.",
        "Tổng số văn bản đi trong năm là 520 văn bản, trong đó 450 văn bản được ký số.",
    ),
    (  # tasks of one named plan
        "Hoàn thành 18/20 nhiệm vụ theo Kế hoạch CCHC năm 2023.",
        "Số nhiệm vụ đã hoàn thành là 18/22 nhiệm vụ đề ra tại Kế hoạch CCHC.",
    ),
    (  # a ratio in words against one in figures
        "Có 3 trên 18 cán bộ, công chức chưa đạt chuẩn theo quy định.",
        "Đội ngũ cán bộ, công chức vẫn còn 3/16 người chưa đạt chuẩn.",
    ),
    (  # the staff as "người" after "trong đó"
        "Tổng số cán bộ, công chức của xã là 21 người, trong đó 19 người đạt chuẩn.",
        "Số cán bộ, công chức đạt chuẩn là 19/20.",
    ),
    (  # civil servants alone, on both sides
        "Số công chức đạt chuẩn là 8/10 công chức.",
        "Công chức đạt chuẩn theo quy định: 8/11.",
    ),
    (  # online received over all received (index: 'Tỷ lệ hồ sơ được tiếp nhận trực tuyến'), thousands dots
        "Năm 2023, Bộ phận Một cửa tiếp nhận 2.315 hồ sơ, trong đó 1.204 hồ sơ tiếp nhận trực tuyến.",
        "Tỷ lệ hồ sơ được tiếp nhận trực tuyến đạt 1.204/2.351 (51,2%).",
    ),
    (  # one quarter, on both sides
        "Quý I, giải quyết đúng hạn 300/310 hồ sơ.",
        "Trong quý I, Bộ phận Một cửa giải quyết 305/312 hồ sơ, đạt 97,8%.",
    ),
    (  # one village, on both sides
        "Hộ nghèo thôn Mép còn 12/150 hộ.",
        "Số hộ nghèo thôn Mép là 12/160 hộ.",
    ),
    (  # the report year named on one side, implied on the other
        "Năm 2023, xã tiếp nhận 1.250 hồ sơ TTHC, trong đó giải quyết đúng hạn 1.245 hồ sơ, đạt tỷ lệ 99,6%.",
        "Tổng số hồ sơ tiếp nhận trong năm 2023 là 1.260 hồ sơ, trong đó 400 hồ sơ tiếp nhận trực tuyến.",
    ),
    (  # one plan named by its number
        "Đã hoàn thành 10/12 nhiệm vụ của Kế hoạch số 29/KH-UBND.",
        "Số nhiệm vụ của Kế hoạch số 29/KH-UBND đã hoàn thành là 10/13 nhiệm vụ.",
    ),
    (  # documents received and processed
        "Tỷ lệ văn bản đến được xử lý trên môi trường mạng: 800/820 văn bản.",
        "Tổng số văn bản đến được xử lý trong năm là 830 văn bản, trong đó 800 văn bản xử lý trên môi trường mạng.",
    ),
    (  # feedback received ("phản ánh, kiến nghị" is one noun despite its comma)
        "Trong năm tiếp nhận 15 phản ánh, kiến nghị, trong đó đã giải quyết 14 phản ánh, kiến nghị.",
        "Đã giải quyết 14/16 phản ánh, kiến nghị tiếp nhận.",
    ),
    (  # late and on-time numerators of one whole, with two wholes
        "Số hồ sơ giải quyết trễ hạn là 5/1.039, chiếm 0,5%.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn: 1.034/1.040.",
    ),
    (  # postal and online are both ways of receiving: the whole is the records received
        "Hồ sơ TTHC được tiếp nhận qua dịch vụ bưu chính công ích: 12/1.040 = 1,15%.",
        "Tỷ lệ hồ sơ được tiếp nhận trực tuyến: 300/1.045.",
    ),
    (  # "CBCC" is the staff
        "Tỷ lệ CBCC đạt chuẩn: 18/20 (90%).",
        "Còn 2/21 cán bộ, công chức chưa đạt chuẩn theo quy định.",
    ),
    (  # another year named on both sides
        "Năm 2022, tỷ lệ hồ sơ giải quyết đúng hạn là 980/1.000.",
        "Năm 2022 giải quyết đúng hạn 980/1.010 hồ sơ.",
    ),
    (  # "cấp xã" is the report's own level; "về trình độ chuyên môn, nghiệp vụ" says what the standard is
        "Cán bộ, công chức cấp xã đạt chuẩn về trình độ chuyên môn, nghiệp vụ: 17/19.",
        "Số CBCC có trình độ chuyên môn chưa đạt chuẩn là 3/20 người.",
    ),
    (  # the fraction in brackets after the percent
        "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn là 99,5% (1.034/1.039 hồ sơ).",
        "Có 1.040/1.045 hồ sơ được giải quyết đúng hạn.",
    ),
    (  # a section heading run into the paragraph is no part of the population
        "Tồn tại, hạn chế: đội ngũ cán bộ, công chức của xã vẫn còn 3/16 cán bộ, công chức chưa đạt chuẩn.",
        "Đội ngũ cán bộ, công chức của xã có 3 trên 18 cán bộ, công chức chưa đạt chuẩn theo quy định.",
    ),
    (  # women staff on both sides
        "Cán bộ, công chức nữ đạt chuẩn: 7/8.",
        "Số cán bộ, công chức nữ là 9 người, trong đó 7 người đạt chuẩn.",
    ),
]

# different populations (or different parts of one), which must never be compared
NEGATIVES: list[tuple[str, str]] = [
    (  # the whole before "; trong đó" is another total (5 villages): the part's population is not the staff
        "- Xã có 5 thôn; trong đó đạt chuẩn 21/22 người (95,45%).",
        "Đội ngũ cán bộ, công chức vẫn còn 1/24 người chưa đạt chuẩn theo quy định của chức danh đảm nhiệm.",
    ),
    (  # the same total, but one side counts the staff's women, the other those not meeting the standard
        "- Tổng số cán bộ, công chức của xã: 22 người; trong đó nữ 9/22 người.",
        "Đội ngũ cán bộ, công chức vẫn còn 1/24 người chưa đạt chuẩn theo quy định của chức danh đảm nhiệm.",
    ),
    (  # "Trong đó, …": a part of the year's records (one field), not all of them
        "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: 2.860/2.860 hồ sơ được giải quyết trong năm, đạt 100,00%.",
        "Trong đó, lĩnh vực Tư pháp - Hộ tịch giải quyết đúng hạn 1.143/1.144 hồ sơ, đạt 99,91%.",
    ),
    (  # received vs resolved
        "Trong năm tiếp nhận 1.040 hồ sơ, trong đó 300 hồ sơ tiếp nhận trực tuyến.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn: 1.000/1.020.",
    ),
    (  # received vs resolved, both with a named whole
        "Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến: 727/1.039 tổng số hồ sơ tiếp nhận.",
        "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: 899/899.",
    ),
    (  # civil servants vs cadres
        "Số công chức đạt chuẩn là 8/10 công chức.",
        "Số cán bộ đạt chuẩn là 7/9 cán bộ.",
    ),
    (  # the whole staff vs the civil servants alone
        "Tổng số cán bộ, công chức đạt chuẩn là 17/19.",
        "Số công chức đạt chuẩn là 8/10 công chức.",
    ),
    (  # cadres vs the whole staff
        "Cán bộ đạt chuẩn: 9/9 cán bộ.",
        "Cán bộ, công chức đạt chuẩn: 17/19.",
    ),
    (  # one village vs the commune
        "Hộ nghèo thôn Mép còn 12/150 hộ.",
        "Hộ nghèo toàn xã còn 40/1.200 hộ.",
    ),
    (  # two villages
        "Hộ nghèo thôn Mép còn 12/150 hộ.",
        "Hộ nghèo thôn Quàn còn 9/130 hộ.",
    ),
    (  # one village's records, named before them (held-out round 8: "hồ sơ của buôn Ea Kmar"), vs the commune's
        "136/137 hồ sơ của buôn Ea Kmar được giải quyết đúng hạn (99,27%).",
        "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: 1.327/1.331 hồ sơ được giải quyết trong năm, đạt 99,70%.",
    ),
    (  # a residential group named by its number
        "Tổ dân phố số 3 có 95/98 hồ sơ được giải quyết đúng hạn.",
        "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: 1.000/1.020.",
    ),
    (  # a hamlet of the South, named at the head of the sentence
        "Tại ấp Tân Lập, 95/98 hồ sơ được giải quyết đúng hạn.",
        "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: 1.000/1.020.",
    ),
    (  # online records vs all records
        "Trong năm tiếp nhận 300 hồ sơ trực tuyến, trong đó 290 hồ sơ giải quyết đúng hạn.",
        "Tỷ lệ hồ sơ TTHC được tiếp nhận: 1.000/1.040.",
    ),
    (  # online records vs all records, the scope after the fraction
        "Giải quyết đúng hạn 290/300 hồ sơ trực tuyến.",
        "Giải quyết đúng hạn 1.000/1.040 hồ sơ.",
    ),
    (  # last year vs this year
        "Năm 2022 giải quyết đúng hạn 980/1.000 hồ sơ.",
        "Năm 2023 giải quyết đúng hạn 1.030/1.039 hồ sơ.",
    ),
    (  # the same period of last year vs this year
        "Cùng kỳ năm trước, tỷ lệ hồ sơ giải quyết đúng hạn là 950/1.000.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn: 1.030/1.039.",
    ),
    (  # a quarter vs the year
        "Quý I giải quyết đúng hạn 300/310 hồ sơ.",
        "Cả năm giải quyết đúng hạn 1.030/1.039 hồ sơ.",
    ),
    (  # six months vs the year
        "6 tháng đầu năm, tỷ lệ hồ sơ giải quyết đúng hạn đạt 500/510.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn: 1.030/1.039.",
    ),
    (  # cumulative vs the year
        "Lũy kế đến nay, đã số hóa 3.000/3.500 hồ sơ giải quyết.",
        "Trong năm đã số hóa 1.000/1.039 hồ sơ giải quyết.",
    ),
    (  # late vs on-time numerators of the same whole: fine
        "Tỷ lệ hồ sơ giải quyết đúng hạn: 1.030/1.039.",
        "Số hồ sơ giải quyết trễ hạn: 9/1.039.",
    ),
    (  # early vs on-time numerators of the same whole: fine
        "Giải quyết trước hạn 600/1.039 hồ sơ.",
        "Giải quyết đúng hạn 1.030/1.039 hồ sơ.",
    ),
    (  # procedures vs records
        "Có 17/120 TTHC được thực hiện liên thông.",
        "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: 899/899.",
    ),
    (  # a list of procedures vs records of procedures
        "Công khai 120/120 TTHC thuộc thẩm quyền giải quyết của UBND xã.",
        "Giải quyết đúng hạn 1.030/1.039 hồ sơ TTHC.",
    ),
    (  # documents sent vs received
        "Tỷ lệ văn bản đi được ký số: 450/500 văn bản.",
        "Tỷ lệ văn bản đến được xử lý trên môi trường mạng: 800/820 văn bản.",
    ),
    (  # documents sent vs received, the same action
        "Văn bản đi được ký số: 450/500.",
        "Văn bản đến được ký số: 300/320.",
    ),
    (  # tasks of two plans
        "Hoàn thành 6/7 nhiệm vụ đề ra theo Kế hoạch ứng dụng CNTT.",
        "Hoàn thành 18/20 nhiệm vụ theo Kế hoạch CCHC.",
    ),
    (  # tasks of two plans named by number
        "Đã hoàn thành 10/12 nhiệm vụ của Kế hoạch số 29/KH-UBND.",
        "Đã hoàn thành 5/6 nhiệm vụ của Kế hoạch số 31/KH-UBND.",
    ),
    (  # percentages of different wholes: digitised vs electronic results
        "Tỷ lệ hồ sơ được số hóa: 2.780/3.155 hồ sơ.",
        "Tỷ lệ hồ sơ có kết quả điện tử: 1.280/3.160 hồ sơ.",
    ),
    (  # percentages of different wholes: resolved vs received
        "Tỷ lệ hồ sơ giải quyết đúng hạn: 1.030/1.039 = 99,1%.",
        "Tỷ lệ hồ sơ tiếp nhận trực tuyến: 520/1.050 = 49,5%.",
    ),
    (  # one field vs all fields
        "Tỷ lệ hồ sơ lĩnh vực đất đai giải quyết đúng hạn: 95/100.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn: 1.030/1.039.",
    ),
    (  # the district level vs the commune
        "Tỷ lệ hồ sơ cấp huyện giải quyết đúng hạn: 40/45.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn: 1.030/1.039.",
    ),
    (  # service level 3 vs level 4
        "Tỷ lệ hồ sơ xử lý trực tuyến mức độ 3: 40/100.",
        "Tỷ lệ hồ sơ xử lý trực tuyến mức độ 4: 30/120.",
    ),
    (  # women vs all staff
        "Cán bộ, công chức nữ đạt chuẩn: 7/8.",
        "Cán bộ, công chức đạt chuẩn: 17/19.",
    ),
    (  # contract staff vs all staff
        "Cán bộ, công chức hợp đồng đạt chuẩn: 2/3.",
        "Cán bộ, công chức đạt chuẩn: 17/19.",
    ),
    (  # part-time vs full-time cadres
        "Cán bộ không chuyên trách đạt chuẩn: 10/14.",
        "Cán bộ chuyên trách đạt chuẩn: 9/10.",
    ),
    (  # trained vs up to standard
        "Cán bộ, công chức được đào tạo, bồi dưỡng: 12/19.",
        "Cán bộ, công chức đạt chuẩn: 17/20.",
    ),
    (  # e-mail users vs up to standard
        "Cán bộ, công chức sử dụng thư điện tử trong công việc: 15/19.",
        "Cán bộ, công chức đạt chuẩn: 17/20.",
    ),
    (  # dialogues held vs dialogues put on the scoring software
        "Chỉ có 2 cuộc tiếp xúc đối thoại trong năm (2/5 cuộc theo biểu điểm).",
        "Mới đưa 2/6 cuộc đối thoại của Lãnh đạo xã với nhân dân lên phần mềm.",
    ),
    (  # returned records vs records resolved
        "Tỷ lệ hồ sơ trả lại: 3/500 hồ sơ.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn: 1.030/1.039.",
    ),
    (  # initiatives of two kinds
        "Mới có 1/2 sáng kiến kinh nghiệm.",
        "Có 2/3 sáng kiến cấp huyện công nhận.",
    ),
    (  # targets of two kinds
        "Có 16 chỉ tiêu KT- XH được giao, trong đó có 12 chỉ tiêu đạt và vượt.",
        "Đạt 8/10 chỉ tiêu về cải cách hành chính.",
    ),
    (  # the same values restated: no conflict
        "Tỷ lệ hồ sơ giải quyết đúng hạn: 1.030/1.039.",
        "Đã giải quyết đúng hạn 1.030/1.039 hồ sơ (99,1%).",
    ),
    (  # results returned vs records resolved
        "Đã trả kết quả 1.000/1.039 hồ sơ.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn: 1.030/1.040.",
    ),
    (  # digitised vs resolved
        "Số hóa 2.780/3.155 hồ sơ.",
        "Giải quyết đúng hạn 3.150/3.160 hồ sơ.",
    ),
    (  # "tiếp nhận trong năm được giải quyết" does not say whether its whole is received or resolved
        "Tỷ lệ hồ sơ TTHC tiếp nhận trong năm được giải quyết đúng hạn: 1.200/1.210.",
        "Tỷ lệ hồ sơ được giải quyết đúng hạn: 1.195/1.215.",
    ),
    (  # two quarters
        "Quý I giải quyết đúng hạn 300/310 hồ sơ.",
        "Quý II giải quyết đúng hạn 280/290 hồ sơ.",
    ),
    (  # feedback received vs resolved
        "Tiếp nhận 15 phản ánh, kiến nghị, trong đó đã giải quyết 14 phản ánh, kiến nghị.",
        "Tỷ lệ phản ánh, kiến nghị được giải quyết: 14/16.",
    ),
    (  # households with health insurance vs poor households
        "Tỷ lệ hộ gia đình có người tham gia BHYT: 1.100/1.250 hộ.",
        "Hộ nghèo toàn xã còn 40/1.200 hộ.",
    ),
    (  # staff assessed vs staff up to standard
        "Tổng số cán bộ, công chức được đánh giá, xếp loại: 19/19.",
        "Cán bộ, công chức đạt chuẩn: 17/20.",
    ),
    (  # staff who did their tasks well vs staff up to standard
        "Cán bộ, công chức hoàn thành tốt nhiệm vụ: 15/19.",
        "Cán bộ, công chức đạt chuẩn: 17/20.",
    ),
    (  # fully online records vs all online records
        "Tỷ lệ hồ sơ trực tuyến toàn trình: 300/1.039 hồ sơ.",
        "Tổng số hồ sơ trực tuyến là 727/1.050 hồ sơ.",
    ),
    (  # trained staff vs staff up to standard, "nghiệp vụ" on one side
        "Cán bộ, công chức được đào tạo nghiệp vụ: 12/19.",
        "Cán bộ, công chức đạt chuẩn về trình độ chuyên môn, nghiệp vụ: 17/20.",
    ),
    (  # two fields named by their labels alone
        "- Hộ tịch: 500/500 hồ sơ đúng hạn.",
        "- Chứng thực: 400/405 hồ sơ đúng hạn.",
    ),
    (  # two fields, each named by a label before a colon
        "Lĩnh vực Tư pháp - Hộ tịch: giải quyết đúng hạn 250/250 hồ sơ.",
        "Lĩnh vực đất đai: giải quyết đúng hạn 120/125 hồ sơ.",
    ),
    (  # one field vs all fields, the field named by a label
        "Lĩnh vực đất đai: giải quyết đúng hạn 120/125 hồ sơ.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn: 1.030/1.039.",
    ),
    (  # tasks of two plans, each named by a label
        "Kế hoạch CCHC: hoàn thành 18/20 nhiệm vụ.",
        "Kế hoạch ứng dụng CNTT: hoàn thành 6/7 nhiệm vụ.",
    ),
    (  # tasks whose plan is not named
        "Hoàn thành 6/7 nhiệm vụ.",
        "Đã hoàn thành 18/20 nhiệm vụ đề ra.",
    ),
    (  # inter-agency procedures vs online procedures
        "Có 1/17 TTHC liên thông có phát sinh hồ sơ.",
        "Có 45/120 TTHC cung cấp dịch vụ công trực tuyến có phát sinh hồ sơ.",
    ),
]

YEAR = 2023


def stated(sentence: str, line: int) -> Quantity:
    """The one ratio of ``sentence``, read by the extractor, as the record keeps it."""
    (q,) = find_quantities(sentence)
    return as_record_quantity(q, [Evidence(line=line, text=sentence)])


def conflicts(a: str, b: str) -> list[Finding]:
    """conflicting_values on a 2023 report that states ``a`` (line 10) and then ``b`` (line 200)."""
    record = Record(
        source=Source(file="pair.txt", sha256="0" * 64, format="txt"),
        meta=Meta(report_year=YEAR),
        quantities=[stated(a, 10), stated(b, 200)],
    )
    return run_rules(record, DEFAULT_SETTINGS, select=["conflicting_values"])


def _values(sentence: str) -> str:
    (q,) = find_quantities(sentence)
    return f"{q.numerator:g}/{q.denominator:g}"


def found_as_spec(a: str, b: str, findings: list[Finding]) -> bool:
    """One warning with the two printed values and both sentences as evidence."""
    if len(findings) != 1:
        return False
    (f,) = findings
    return (
        f.severity == "warning"
        and (f.expected, f.actual) == (_values(a), _values(b))
        and [e.text for e in f.evidence] == [a, b]
    )


@pytest.mark.parametrize(("a", "b"), POSITIVES)
def test_positive_pair_is_found(a: str, b: str) -> None:
    assert found_as_spec(a, b, conflicts(a, b))
    assert len(conflicts(b, a)) == 1  # either order


@pytest.mark.parametrize(("a", "b"), NEGATIVES)
def test_negative_pair_is_not_compared(a: str, b: str) -> None:
    assert conflicts(a, b) == [] and conflicts(b, a) == []


def test_precision_and_recall_on_the_pairs(capsys: pytest.CaptureFixture[str]) -> None:
    assert len(POSITIVES) >= 25 and len(NEGATIVES) >= 40
    true_pos = sum(found_as_spec(a, b, conflicts(a, b)) for a, b in POSITIVES)
    false_neg = len(POSITIVES) - true_pos
    false_pos = sum(bool(conflicts(a, b)) for a, b in NEGATIVES)
    true_neg = len(NEGATIVES) - false_pos
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 0.0
    recall = true_pos / len(POSITIVES)
    with capsys.disabled():
        print(
            "\nconflicting_values on written pairs"
            f"\n  positives {len(POSITIVES):3d}  found {true_pos:3d}  missed {false_neg:3d}"
            f"\n  negatives {len(NEGATIVES):3d}  silent {true_neg:3d}  false alarms {false_pos:3d}"
            f"\n  precision {precision:.3f}  recall {recall:.3f}"
        )
    assert (precision, recall) == (1.0, 1.0)


def test_a_population_is_read_as_noun_stage_scopes_period_and_part() -> None:
    q = read_stated_quantity("Quý I, giải quyết đúng hạn 300/310 hồ sơ thôn Mép.", 300, 310)
    assert (q.whole.noun, q.whole.stage, q.whole.periods, q.part) == ("hồ sơ", "giải quyết", {"quý I"}, {"đúng hạn"})
    assert q.whole.modifiers == {"mép"}  # the village's name
    online = read_stated_quantity("Tỷ lệ hồ sơ được tiếp nhận trực tuyến: 300/1.040 hồ sơ.", 300, 1040)
    assert (online.whole.text(), online.part) == ("hồ sơ tiếp nhận", {"trực tuyến"})
    named = read_stated_quantity("Có 95 trên tổng số 98 hồ sơ được giải quyết trước hạn.", 95, 98)
    assert (named.whole.text(), named.part) == ("hồ sơ giải quyết", {"trước hạn"})
    staff = read_stated_quantity("Đội ngũ cán bộ, công chức của xã vẫn còn 2/10 chưa đạt chuẩn.", 2, 10)
    assert (staff.whole.text(), staff.whole.bare, staff.attributes) == ("cán bộ, công chức", True, {"chuẩn"})


# --------------------------------------------------------------------------- whole reports, pairs sections apart


def report_paragraphs(*, conflicting: bool) -> list[str]:
    """A 2023 commune report whose restatements sit sections apart; with ``conflicting`` two of them differ."""
    resolved_total = "1.039" if conflicting else "899"
    staff_total = 20 if conflicting else 21
    return [
        "ỦY BAN NHÂN DÂN",
        "XÃ AN BÌNH",
        "Số: 12/BC-UBND",
        "An Bình, ngày 10 tháng 01 năm 2024",
        "BÁO CÁO",
        "Kết quả công tác cải cách hành chính năm 2023",
        "I. KẾT QUẢ THỰC HIỆN",
        "3. Cải cách thủ tục hành chính: 15/17 điểm, tỷ lệ 88,24%.",
        "- Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: 899/899, đạt 100%.",
        "- Trong năm tiếp nhận 1.040 hồ sơ, trong đó 300 hồ sơ tiếp nhận trực tuyến.",
        "- Quý I giải quyết đúng hạn 300/310 hồ sơ.",
        "5. Cải cách chế độ công vụ: 8,5/10 điểm, tỷ lệ 85%.",
        "- Tổng số cán bộ, công chức của xã là 21 người, trong đó 19 người đạt chuẩn.",
        "- Số công chức đạt chuẩn là 8/10 công chức.",
        "7. Chính quyền điện tử, chính quyền số: 11/13 điểm, tỷ lệ 84,62%.",
        (f"- Tỷ lệ hồ sơ TTHC được xử lý trực tuyến có 727/{resolved_total} tổng số hồ sơ TTHC được giải quyết "
        "trong năm."),
        "- Tỷ lệ văn bản đi được ký số: 450/500 văn bản.",
        "II. TỒN TẠI, HẠN CHẾ",
        f"- Đội ngũ cán bộ, công chức vẫn còn 2/{staff_total} người chưa đạt chuẩn.",
        "- Năm 2022 giải quyết đúng hạn 980/1.000 hồ sơ.",
    ]


def write_report(folder: Path, fmt: str, *, conflicting: bool) -> Path:
    paragraphs = report_paragraphs(conflicting=conflicting)
    path = folder / f"an-binh-2023.{fmt}"
    if fmt == "txt":
        path.write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    else:
        import docx

        document = docx.Document()
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
        document.save(str(path))
    return path


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_a_report_restating_two_wholes_differently_gets_both_conflicts(tmp_path: Path, fmt: str) -> None:
    record = extract_file(write_report(tmp_path, fmt, conflicting=True))
    found = [f for f in record.findings if f.kind == "conflicting_values"]
    assert [(f.severity, f.expected, f.actual) for f in found] == [
        ("warning", "899/899", "727/1039"),  # section I.3 vs section I.7
        ("warning", "19/21", "2/20"),  # section I.5 vs section II
    ]
    records, staff = found
    assert "899/899" in records.evidence[0].text and "727/1.039" in records.evidence[1].text
    assert "21 người" in staff.evidence[0].text and "2/20" in staff.evidence[1].text
    place = "line" if fmt == "txt" else "paragraph"
    assert all(getattr(f.evidence[1], place) - getattr(f.evidence[0], place) >= 5 for f in found)


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_a_report_restating_its_wholes_alike_gets_no_conflict(tmp_path: Path, fmt: str) -> None:
    record = extract_file(write_report(tmp_path, fmt, conflicting=False))
    assert len(record.quantities) == 9  # every ratio read, none compared across populations
    assert [f for f in record.findings if f.kind == "conflicting_values"] == []


# --------------------------------------------------------------------------- the sample, in each of its forms

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.mark.parametrize("name", ["minh-duc-2022.txt", "minh-duc-2022.docx", "minh-duc-2022.pdf"])
def test_the_samples_two_conflicts_by_their_values_and_sentences(name: str) -> None:
    """Read in the report: staff not up to standard, 2/19 in section I.5.2 and 2/10 in section III; records
    resolved in the year, 3150/3155 in criterion 3 and 2.252/3.177 in criterion 7."""
    record = extract_file(SAMPLES / name)
    found = {(f.expected, f.actual): f for f in record.findings if f.kind == "conflicting_values"}
    assert set(found) == {("3150/3155", "2252/3177"), ("2/19", "2/10")}
    records = [" ".join(e.text.split()) for e in found[("3150/3155", "2252/3177")].evidence]
    assert "Tỷ lệ hồ sơ năm 2022 giải quyết đúng hạn: 3150/3155=99,8%" in records[0]
    assert "2.252/3.177 tổng số hồ sơ TTHC được giải quyết" in records[1]
    staff = [" ".join(e.text.split()) for e in found[("2/19", "2/10")].evidence]
    assert "Tổng số cán bộ, công chức đạt chuẩn của UBND xã là 2/19" in staff[0]
    assert "vẫn còn 2/10 chưa đạt chuẩn" in staff[1]
    assert all(f.severity == "warning" for f in found.values())


# A longer report with two dozen ratios of many populations (fields, online, women, trained staff, documents,
# last year, six months), all consistent; ``HOA_BINH_CHANGED`` restates two of its wholes differently.
HOA_BINH = [
    "ỦY BAN NHÂN DÂN",
    "XÃ HÒA BÌNH",
    "Số: 15/BC-UBND",
    "Hòa Bình, ngày 12 tháng 01 năm 2024",
    "BÁO CÁO",
    "Kết quả công tác cải cách hành chính năm 2023",
    "I. KẾT QUẢ THỰC HIỆN",
    "1. Công tác chỉ đạo, điều hành: 13/15 điểm, tỷ lệ 86,67%.",
    "- Ban hành Kế hoạch CCHC năm 2023, hoàn thành 12/12 nhiệm vụ đề ra.",
    "- Kế hoạch tuyên truyền CCHC: thực hiện 5/6 hoạt động.",
    "- Tổ chức 3/4 cuộc đối thoại với Nhân dân theo kế hoạch.",
    "- Kiểm tra công tác CCHC tại 4/7 thôn.",
    "3. Cải cách thủ tục hành chính: 15/17 điểm, tỷ lệ 88,24%.",
    "- Công khai 108/108 TTHC thuộc thẩm quyền giải quyết của UBND xã.",
    (
        "- Trong năm, Bộ phận Một cửa tiếp nhận 1.254 hồ sơ, trong đó 612 hồ sơ tiếp nhận trực tuyến; đã"
        " giải quyết 1.250 hồ sơ, đang giải quyết 4 hồ sơ."
    ),
    "- Tỷ lệ hồ sơ giải quyết đúng hạn: 1.247/1.250 hồ sơ, đạt 99,76%; 3 hồ sơ trễ hạn đã xin lỗi.",
    "- Lĩnh vực Tư pháp - Hộ tịch: giải quyết đúng hạn 820/820 hồ sơ.",
    "- Lĩnh vực Đất đai: giải quyết đúng hạn 97/100 hồ sơ.",
    "- Lĩnh vực Lao động - Thương binh và Xã hội: giải quyết đúng hạn 330/330 hồ sơ.",
    "- Tiếp nhận 12 phản ánh, kiến nghị, trong đó đã giải quyết 12/12 phản ánh, kiến nghị.",
    "- Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 80,4% (1.005/1.250 hồ sơ).",
    "5. Cải cách chế độ công vụ: 9/10 điểm, tỷ lệ 90%.",
    (
        "- Tổng số cán bộ, công chức: 20 người, trong đó 19/20 người đạt chuẩn; 20/20 cán bộ, công chức "
        "được đánh giá, xếp loại."
    ),
    "- Cử 8/20 cán bộ, công chức tham gia lớp bồi dưỡng.",
    "- Cán bộ, công chức nữ: 7/20 người.",
    "7. Chính quyền điện tử, chính quyền số: 11/13 điểm, tỷ lệ 84,62%.",
    "- Tỷ lệ văn bản đi được ký số: 1.150/1.200 văn bản.",
    "- Văn bản đến được xử lý trên môi trường mạng: 2.300/2.350 văn bản.",
    "- Tỷ lệ hồ sơ TTHC được xử lý trực tuyến: 612/1.250 tổng số hồ sơ giải quyết, đạt 48,96%.",
    "- Tỷ lệ hồ sơ trực tuyến toàn trình: 210/612 hồ sơ.",
    "- Cổng thông tin điện tử đăng 150/150 tin bài.",
    "II. TỒN TẠI, HẠN CHẾ",
    "- Còn 1/20 cán bộ, công chức chưa đạt chuẩn.",
    "- Năm 2022 tỷ lệ hồ sơ giải quyết đúng hạn là 1.100/1.110 hồ sơ.",
    "- 6 tháng đầu năm chỉ tiếp nhận trực tuyến 200/600 hồ sơ.",
]
HOA_BINH_CHANGED = [("612/1.250 tổng số", "612/1.252 tổng số"), ("Còn 1/20 cán bộ", "Còn 1/21 cán bộ")]


def _hoa_binh(tmp_path: Path, *, changed: bool) -> Path:
    text = "\n".join(HOA_BINH) + "\n"
    for printed, restated in HOA_BINH_CHANGED if changed else []:
        text = text.replace(printed, restated)
    path = tmp_path / "hoa-binh-2023.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_consistent_report_with_many_populations_gets_no_conflict(tmp_path: Path) -> None:
    record = extract_file(_hoa_binh(tmp_path, changed=False))
    assert len(record.quantities) == 24
    assert [f for f in record.findings if f.kind == "conflicting_values"] == []


def test_the_same_report_with_two_wholes_restated_differently(tmp_path: Path) -> None:
    record = extract_file(_hoa_binh(tmp_path, changed=True))
    found = [f for f in record.findings if f.kind == "conflicting_values"]
    assert [(f.expected, f.actual) for f in found] == [("1247/1250", "612/1252"), ("19/20", "1/21")]
    assert "1.247/1.250" in found[0].evidence[0].text and "612/1.252 tổng số hồ sơ giải quyết" in found[0].evidence[1].text
    assert "19/20 người đạt chuẩn" in found[1].evidence[0].text and "1/21" in found[1].evidence[1].text
