
<6. >
VN  - Ovid Technologies
DB  - Journals@Ovid
AN  - 01445365-201506000-00011.
AU  - Lefkowitz, Rafael Y. MD, MPH 1
AU  - Slade, Martin D. MPH 1
AU  - Redlich, Carrie A. MD, MPH 1
IN  - (1)Yale Occupational and Environmental Medicine, Yale School of Medicine, New Haven, Connecticut
TI  - "Injury, Illness, and Work Restriction in Merchant Seafarers".  [Article]
SO  - American Journal Of Industrial Medicine June 2015;58(6):688-696
AB  - Background: Research on seafarer medical conditions at sea is limited. This study describes the frequency and distribution of seafarer injury and illness at sea, and explores potential risk factors for resultant lost work., Materials and Methods: The study analyzed a telemedicine database of 3,921 seafarer medical cases between 2008 and 2011 using descriptive statistics and logistic regression., Results: There were over twice as many illness cases (n = 2,764, 70.5%) as injury (n = 1,157, 29.5%) cases. Disability was more often secondary to illness (n = 646, 54.3%), predominantly from gastrointestinal, dermatologic, and respiratory conditions. Logistic regression revealed age, rank, and worksite as potential risk factors for lost work., Conclusions: This study emphasizes illness as a significant problem occurring in seafarers at sea. Future research should further elucidate risk factors for illness, as well as injury, to inform preventive measures and reduce seafarer disability. Am. J. Ind. Med. 58:688-696, 2015. (C) 2015 Wiley Periodicals, Inc., (C) 2015 John Wiley & Sons, Ltd
KW  - seafarers;  disability;  telemedicine;  occupational injury;  epidemiology
LG  - English.
DT  - Research Articles.
SB  - Clinical Medicine, Public Health.
IS  - 0271-3586
DI  - 10.1002/ajim.22459
XL  - http://ovidsp.ovid.com/ovidweb.cgi?T=JS&CSC=Y&NEWS=N&PAGE=fulltext&D=ovftq&AN=01445365-201506000-00011